#pragma once

#include "report/biasdiscovery.h"
#include "report/reportdata.h"
#include "report/reportdocument.h"

#include <optional>

namespace equiscope {

enum class ReportFormat
{
    Html,
    Pdf
};
std::optional<ReportFormat> reportFormatFromName(const QString &name);

/// Turns runs read from the store into a ReportDocument: overview, dataset and group sizes,
/// configs, training curves, metrics with CIs and their definitions, per-group charts, attention
/// maps (where runs have them), the Pareto plot, environment and a model card per run. Sections
/// are generic over run families; family-specific ones appear only when their artifacts exist.
class ReportBuilder
{
public:
    explicit ReportBuilder(QVector<ReportRun> runs, QVector<ReportRun> context = {},
                           ReportOptions options = {});
    /// A "Bias discovery" section is added after the group metrics when @p bias is not empty.
    void setBiasDiscovery(BiasDiscovery bias) { m_bias = std::move(bias); }
    ReportDocument build() const;
    /// An audit report: the same metric sections for predictions made elsewhere.
    ReportDocument buildAudit(const QVector<QPair<QString, QString>> &sourceFacts) const;

private:
    QVector<ReportRun> m_runs;
    QVector<ReportRun> m_context;
    ReportOptions m_options;
    BiasDiscovery m_bias;
};

/// Writes @p document as HTML or PDF to @p path; returns a one-line summary.
Expected<QString> writeReport(const ReportDocument &document, ReportFormat format,
                              const QString &path);

/// Loads @p runKeys from the store, builds the report and writes it: the one call the CLI and
/// the GUI make (blocking; the GUI runs it on a worker thread).
Expected<QString> exportRunReport(const QString &storePath, const QStringList &runKeys,
                                  ReportFormat format, const QString &path,
                                  ReportOptions options = {});

} // namespace equiscope
