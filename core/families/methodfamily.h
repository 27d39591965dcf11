#pragma once

#include "families/runcostestimate.h"
#include "store/runrecord.h"
#include "util/expected.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

class QObject;

namespace equiscope {

class RunJob;

/// Translation context of the texts in the option tables below. Core keeps them in English
/// (marked with QT_TRANSLATE_NOOP so lupdate finds them); a launcher translates them when it
/// shows them, the CLI prints them as they are.
inline constexpr char kMethodTextContext[] = "MethodRegistry";

/// One option of a method, as a launcher shows it: the key is the family's config JSON key (a
/// LossConfig key for the FARE family, a FairSslConfig path such as "dedup.threshold", a
/// ClusteringConfig key).
struct MethodOption
{
    enum class Kind
    {
        Real,
        Integer,
        Choice,
        Flag
    };
    QString key;
    QString label;
    Kind kind = Kind::Real;
    QVariant defaultValue;
    double minimum = 0;
    double maximum = 0;
    int decimals = 4;
    QStringList choices; ///< for Kind::Choice
    QString toolTip;     ///< explains what the option does

    static MethodOption real(const QString &key, const char *label, double def, double min,
                             double max, const char *tip, int decimals = 4);
    static MethodOption integer(const QString &key, const char *label, int def, int min, int max,
                                const char *tip);
    static MethodOption choice(const QString &key, const char *label, const QStringList &choices,
                               const char *tip);
    static MethodOption flag(const QString &key, const char *label, bool def, const char *tip);
};

/// One method of a family: its name (as the family's config spells it), a title, a description
/// and the options that apply to it.
struct MethodInfo
{
    QString name;
    RunFamily family = RunFamily::Fare;
    QString title;
    QString description;
    QList<MethodOption> options;
    bool trainsModel = true; ///< false for model-free baselines (k-means, kNN threshold)
};

/// The analysis views of a run (the run detail's tabs; `equiscope --view NAME`). Metrics and
/// curves belong to every run; saliency and embeddings to every run that stored them; the others
/// are family views, listed by MethodFamily::views().
enum class RunView
{
    Metrics,
    Curves,
    Saliency,
    Embedding,
    Attention,
    FairSslStages,
    FairSslWeights,
    FairSslGroups,
    Clustering,
    CrossAttention,
};
QString runViewName(RunView view);

/// A method family: everything the CLI, the GUI, reports, bundles and resume need to know about
/// it, so that none of them tests family or method names. Implementations live in the family's
/// folder (core/fare, core/fairssl, core/clustering) and are registered in FamilyRegistry;
/// docs/design/architecture.md ("Adding a method family") lists what a new one must provide.
class MethodFamily
{
public:
    virtual ~MethodFamily();

    /// The id stored with every run of the family.
    virtual RunFamily id() const = 0;
    /// runFamilyName(id()): "fare", "fair-ssl", "clustering".
    QString name() const;
    /// English title (translated by launchers in kMethodTextContext).
    virtual QString title() const = 0;
    /// The methods, the family's main one first.
    virtual QList<MethodInfo> methods() const = 0;
    /// The method a new run uses when none is named.
    QString defaultMethod() const;
    bool hasMethod(const QString &method) const;

    /// The reproducible run spec of @p method (empty: defaultMethod()) with every default.
    virtual Expected<QJsonObject> defaultConfig(const QString &method = {}) const = 0;
    /// Parses and validates a run config of this family; returns it with every default filled.
    virtual Expected<QJsonObject> parseConfig(const QJsonObject &json) const = 0;
    /// @p config with option @p key (a MethodOption key of its method) set from @p text, the way
    /// a launcher or `--option KEY=VALUE` sets it; a DataError names a bad key or value.
    virtual Expected<QJsonObject> withOption(const QJsonObject &config, const QString &key,
                                             const QString &text) const = 0;
    /// A job that runs @p config (as parseConfig() accepts it) into the store at @p storePath.
    virtual Expected<RunJob *> createJob(const QJsonObject &config, const QString &storePath,
                                         QObject *parent = nullptr) const = 0;
    /// A job that resumes run @p runId of the store at @p storePath.
    virtual RunJob *resumeJob(const QString &runId, const QString &storePath,
                              QObject *parent = nullptr) const = 0;

    /// What a run of @p config will cost on this machine before it starts (`--dry-run`, the
    /// launchers' "Estimate time"): its stages with their sizes and minutes, from the past runs
    /// like it in the store at @p storePath or a short calibration. Blocks — it opens the
    /// input and may time a few steps — so call it off the GUI thread; stops early when
    /// @p cancel becomes true.
    virtual Expected<RunCostEstimate> estimateCost(const QJsonObject &config,
                                                   const QString &storePath,
                                                   const std::atomic<bool> &cancel) const = 0;

    /// The family views @p run has (RunView::Attention, …); the generic ones are not listed.
    virtual QList<RunView> views(const RunRecord &run) const = 0;
    /// The final metrics its runs' accuracy–fairness trade-off is drawn over: the performance
    /// metric (Pareto y axis) first, then the fairness metric (x axis).
    virtual QStringList paretoMetrics() const = 0;
    /// Whether its runs keep an image encoder in their checkpoints (model export, embedding
    /// export and clustering of a run's embeddings need one).
    virtual bool hasImageEncoder() const = 0;
    /// The page that documents the family's methods, formulas and options, relative to the
    /// repository (docs/design/methods/…).
    virtual QString designPage() const = 0;
};

} // namespace equiscope
