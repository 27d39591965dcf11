#include "common/metrictext.h"

#include "eval/metricdirection.h"
#include "eval/metricunit.h"
#include "report/metricglossary.h"

#include <QCoreApplication>
#include <QHash>

namespace equiscope {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("MetricText", text);
}

QString metricUnitDescription(MetricUnit unit)
{
    switch (unit) {
    case MetricUnit::Percent:
        return QCoreApplication::translate("MetricText", "Shown in percent (%).");
    case MetricUnit::PercentagePoints:
        return QCoreApplication::translate(
            "MetricText",
            "Shown in percentage points (pp): a difference or spread of rates between "
            "groups.");
    case MetricUnit::StoredAsPoints:
        return QCoreApplication::translate("MetricText",
                                           "In percentage points (pp), as defined (× 100).");
    case MetricUnit::Ratio:
        return QCoreApplication::translate("MetricText", "A ratio (×) of two rates; 1 = equal.");
    case MetricUnit::Plain:
        break;
    }
    return QCoreApplication::translate("MetricText", "A plain number.");
}

} // namespace

QString metricDirectionHint(const QString &name)
{
    const auto d = metricDirection(name);
    if (!d)
        return {};
    return *d == ObjectiveDirection::Maximise
               ? QCoreApplication::translate("MetricText", "higher is better")
               : QCoreApplication::translate("MetricText", "lower is better");
}

QString metricUnitSymbol(const QString &name)
{
    return metricUnitSymbol(metricUnit(name));
}

QString metricToolTip(const QString &name)
{
    QString tip = QStringLiteral("<b>%1</b>").arg(metricTitle(name).toHtmlEscaped());
    const QString definition = metricDefinition(name);
    if (!definition.isEmpty())
        tip += QStringLiteral("<br/>") + definition.toHtmlEscaped();
    QStringList facts;
    const QString direction = metricDirectionHint(name);
    if (!direction.isEmpty())
        facts << direction.at(0).toUpper() + direction.mid(1) + QLatin1Char('.');
    facts << metricUnitDescription(metricUnit(name));
    return tip + QStringLiteral("<br/><i>%1</i>").arg(facts.join(QLatin1Char(' ')).toHtmlEscaped());
}

QString metricUnitConvention()
{
    return QCoreApplication::translate(
        "MetricText",
        "Rates and accuracies in percent (%), their differences and spreads between groups "
        "in percentage points (pp), ratios with ×, other scores as plain numbers. The store "
        "and the CLI's JSON keep the defined values: fractions, and the mean gap × 100.");
}

QString curveAxisTitle(const QString &key)
{
    const QString symbol = metricUnitSymbol(key);
    return symbol.isEmpty() ? curveTitle(key)
                            : QStringLiteral("%1 (%2)").arg(curveTitle(key), symbol);
}

QString curveTitle(const QString &key)
{
    // Every key the three families write per epoch (core/fare/epochreport.cpp,
    // core/clustering/clusteringsession.cpp, core/fairssl/fairsslpipeline.cpp); the per-epoch
    // metrics (accuracy, worst_group_accuracy, …) read well split at their underscores.
    static const QHash<QString, const char *> known{
        {QStringLiteral("loss"), QT_TRANSLATE_NOOP("MetricText", "Loss")},
        {QStringLiteral("learningRate"), QT_TRANSLATE_NOOP("MetricText", "Learning rate")},
        {QStringLiteral("attentionEntropy"), QT_TRANSLATE_NOOP("MetricText", "Attention entropy")},
        {QStringLiteral("emptySupportRows"),
         QT_TRANSLATE_NOOP("MetricText", "Rows with an empty support")},
        {QStringLiteral("epoch"), QT_TRANSLATE_NOOP("MetricText", "Epoch")},
        {QStringLiteral("stageEpoch"), QT_TRANSLATE_NOOP("MetricText", "Epoch of the stage")},
        {QStringLiteral("seconds"), QT_TRANSLATE_NOOP("MetricText", "Epoch time (s)")},
        {QStringLiteral("imagesPerSecond"), QT_TRANSLATE_NOOP("MetricText", "Images per second")},
        {QStringLiteral("anchorsPerSecond"), QT_TRANSLATE_NOOP("MetricText", "Anchors per second")},
        {QStringLiteral("bce"), QT_TRANSLATE_NOOP("MetricText", "Binary cross-entropy")},
        {QStringLiteral("fm_loss"), QT_TRANSLATE_NOOP("MetricText", "Fowlkes–Mallows loss")},
        {QStringLiteral("purity_penalty"), QT_TRANSLATE_NOOP("MetricText", "Purity penalty")},
        {QStringLiteral("val_pairwise_f_score"),
         QT_TRANSLATE_NOOP("MetricText", "Validation pairwise F")},
        {QStringLiteral("val_pairwise_f_score_group_min"),
         QT_TRANSLATE_NOOP("MetricText", "Validation pairwise F, worst group")},
        {QStringLiteral("val_pairwise_f_score_group_std"),
         QT_TRANSLATE_NOOP("MetricText", "Validation pairwise F, std across groups")},
        {QStringLiteral("bias_mse"), QT_TRANSLATE_NOOP("MetricText", "Bias MSE")},
        {QStringLiteral("bias_r2"), QT_TRANSLATE_NOOP("MetricText", "Bias R²")},
        {QStringLiteral("metaLoss"), QT_TRANSLATE_NOOP("MetricText", "Meta loss")},
        {QStringLiteral("metaLossAtTheta"),
         QT_TRANSLATE_NOOP("MetricText", "Meta loss before the virtual step")},
        {QStringLiteral("weightMean"), QT_TRANSLATE_NOOP("MetricText", "Mean raw meta weight")},
        {QStringLiteral("relativeWeightStd"),
         QT_TRANSLATE_NOOP("MetricText", "Spread of the relative weights (std)")},
    };
    if (const auto it = known.constFind(key); it != known.constEnd())
        return translated(*it);
    // camelCase and snake_case keys become words: "valAccuracy" → "Val accuracy".
    QString words;
    for (int i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        if (c == QLatin1Char('_')) {
            words += QLatin1Char(' ');
        } else if (c.isUpper() && i > 0 && key.at(i - 1).isLower()) {
            words += QLatin1Char(' ');
            words += c.toLower();
        } else {
            words += c;
        }
    }
    return words.isEmpty() ? key : words.at(0).toUpper() + words.mid(1);
}

} // namespace equiscope
