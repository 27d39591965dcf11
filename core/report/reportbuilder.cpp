#include "report/reportbuilder.h"

#include "jobs/metricrows.h"

#include "report/htmlreportwriter.h"
#include "report/metricglossary.h"
#include "report/modelcard.h"
#include "report/pdfreportwriter.h"
#include "report/reportsections_p.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <set>

namespace equiscope {

std::optional<ReportFormat> reportFormatFromName(const QString &name)
{
    if (name.compare(QLatin1String("html"), Qt::CaseInsensitive) == 0)
        return ReportFormat::Html;
    if (name.compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0)
        return ReportFormat::Pdf;
    return std::nullopt;
}

ReportBuilder::ReportBuilder(QVector<ReportRun> runs, QVector<ReportRun> context,
                             ReportOptions options)
    : m_runs(std::move(runs)), m_context(std::move(context)), m_options(std::move(options))
{
}

namespace {

ReportDocument skeleton(const QVector<ReportRun> &runs)
{
    ReportDocument d;
    d.generator = QStringLiteral("Equiscope %1").arg(QStringLiteral(EQUISCOPE_VERSION));
    d.generatedAt = storeTimestamp(storeNow());
    const ReportRun &first = runs.first();
    if (runs.size() == 1) {
        d.title = QStringLiteral("Fairness report: %1").arg(first.displayName());
        QStringList sensitive;
        for (const QJsonValue &v : first.record.config.value(QStringLiteral("sensitive")).toArray())
            sensitive << v.toString();
        d.subtitle = QStringLiteral("%1 on %2 · target %3 · sensitive %4")
                         .arg(first.record.method,
                              first.record.datasetSpec.value(QStringLiteral("format")).toString(),
                              first.record.config.value(QStringLiteral("target")).toString(),
                              sensitive.join(QStringLiteral(", ")));
        for (const QString &name : {QStringLiteral("accuracy"), QStringLiteral("bias_mse"),
                                    QStringLiteral("equalized_odds_difference"),
                                    QStringLiteral("worst_group_accuracy")}) {
            const MetricRow *m = first.finalRow(name);
            if (!m)
                continue;
            QString note = m->ciLow && m->ciHigh ? formatMetricCi(name, *m->ciLow, *m->ciHigh)
                                                 : metricDirectionText(name);
            if (m->groupSize) {
                // Which group, and how many samples it has: a worst group of 3 samples reads
                // differently from one of 3,000.
                const QString label = worstGroupLabel(first.finalMetrics, name);
                note = QStringLiteral("%1n = %2 · %3")
                           .arg(label.isEmpty() ? QString() : label + QStringLiteral(", "))
                           .arg(*m->groupSize)
                           .arg(note);
            }
            d.cards.push_back({metricTitle(name), formatMetricText(name, m->value), note});
        }
    } else {
        d.title = QStringLiteral("Fairness comparison of %1 runs").arg(runs.size());
        d.subtitle = reportsections::runLabels(runs).join(QStringLiteral(" · "));
    }
    return d;
}

} // namespace

ReportDocument ReportBuilder::build() const
{
    namespace rs = reportsections;
    if (m_runs.isEmpty())
        return {};
    ReportDocument d = skeleton(m_runs);
    d.sections << rs::overview(m_runs) << rs::dataset(m_runs) << rs::configuration(m_runs)
               << rs::training(m_runs) << rs::metrics(m_runs) << rs::groups(m_runs);
    if (!m_bias.isEmpty())
        d.sections << biasDiscoverySection(m_bias);
    const ReportSection att = rs::attention(m_runs);
    if (!att.blocks.isEmpty())
        d.sections << att;
    const ReportSection pipeline = rs::pipelineStages(m_runs);
    if (!pipeline.blocks.isEmpty())
        d.sections << pipeline;
    d.sections << rs::pareto(m_runs, m_context, m_options) << rs::environment(m_runs, m_options)
               << rs::modelCards(m_runs);
    return d;
}

ReportDocument ReportBuilder::buildAudit(const QVector<QPair<QString, QString>> &sourceFacts) const
{
    namespace rs = reportsections;
    if (m_runs.isEmpty())
        return {};
    ReportDocument d = skeleton(m_runs);
    d.title = QStringLiteral("Prediction audit: %1").arg(m_runs.first().displayName());
    d.subtitle = QStringLiteral("Group metrics with 95% bootstrap confidence intervals");
    ReportSection source{QStringLiteral("source"), QStringLiteral("Predictions audited"), {}};
    source.blocks << ReportBlock::keyValues(sourceFacts);
    d.sections << source << rs::dataset(m_runs) << rs::metrics(m_runs) << rs::groups(m_runs);
    if (!m_bias.isEmpty())
        d.sections << biasDiscoverySection(m_bias);
    ReportSection card{QStringLiteral("limitations"), QStringLiteral("Limitations"), {}};
    card.blocks << ReportBlock::bullets(modelCardFor(m_runs.first()).limitations);
    d.sections << card;
    return d;
}

Expected<QString> writeReport(const ReportDocument &document, ReportFormat format,
                              const QString &path)
{
    if (format == ReportFormat::Pdf) {
        auto pages = writeReportPdf(document, path);
        if (!pages)
            return pages.error();
        return QStringLiteral("wrote %1 (PDF, %2 pages)").arg(path).arg(pages.value());
    }
    const QByteArray html = reportToHtml(document).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(html) != html.size() || !file.commit())
        return DataError{path,
                         -1,
                         -1,
                         {},
                         {},
                         {},
                         QStringLiteral("cannot write the report: %1").arg(file.errorString())};
    return QStringLiteral("wrote %1 (HTML, %2 KB)").arg(path).arg((html.size() + 1023) / 1024);
}

Expected<QString> exportRunReport(const QString &storePath, const QStringList &runKeys,
                                  ReportFormat format, const QString &path, ReportOptions options)
{
    if (options.storePath.isEmpty())
        options.storePath = storePath;
    QVector<ReportRun> context;
    auto runs = loadReportRuns(storePath, runKeys, options, &context);
    if (!runs)
        return runs.error();
    ReportBuilder builder(runs.value(), context, options);
    if (options.biasDiscovery)
        builder.setBiasDiscovery(discoverBias(storePath, runs.value()));
    return writeReport(builder.build(), format, path);
}

} // namespace equiscope
