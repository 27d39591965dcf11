#include "report/modelcard.h"

#include "eval/metricunit.h"

#include "report/metricglossary.h"
#include "report/reportsections_p.h"

#include <QJsonArray>

#include <cmath>

namespace equiscope {

namespace {

QString configText(const QJsonObject &config, const QString &key)
{
    const QJsonValue v = config.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 8);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QStringList sensitiveOf(const QJsonObject &config)
{
    QStringList out;
    for (const QJsonValue &v : config.value(QStringLiteral("sensitive")).toArray())
        out << v.toString();
    return out;
}

int representationDim(const QJsonObject &config)
{
    const QString encoder = configText(config, QStringLiteral("encoder"));
    const int width = config.value(QStringLiteral("width")).toInt(64);
    if (encoder == QLatin1String("lenet"))
        return 84;
    if (encoder == QLatin1String("resnet18"))
        return 8 * width;
    if (encoder == QLatin1String("mlp"))
        return width == 64 ? 256 : width;
    return 0;
}

QVector<QPair<QString, QString>> pairsToMarkdownSafe(const QVector<QPair<QString, QString>> &p)
{
    return p;
}

QJsonObject pairsJson(const QVector<QPair<QString, QString>> &pairs)
{
    QJsonObject o;
    for (const auto &kv : pairs)
        o.insert(kv.first, kv.second);
    return o;
}

/// Markdown special characters escaped so data strings stay text.
QString md(const QString &text)
{
    QString out;
    for (QChar c : text) {
        if (QStringLiteral("\\`*_[]<>|").contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

} // namespace

QString formatValue(double v)
{
    if (!std::isfinite(v))
        return std::isinf(v) ? (v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞"))
                             : QStringLiteral("—");
    const double a = std::abs(v);
    if (a >= 1000)
        return QString::number(v, 'f', 0);
    if (a >= 100)
        return QString::number(v, 'f', 1);
    if (a >= 10)
        return QString::number(v, 'f', 2);
    if (a > 0 && a < 0.001)
        return QString::number(v, 'g', 3);
    return QString::number(v, 'f', 3);
}

QString formatMetricText(const QString &name, double value)
{
    return metricUnit(name) == MetricUnit::Plain ? formatValue(value)
                                                 : formatMetricValue(name, value);
}

QString formatMetricCi(const QString &name, double low, double high)
{
    if (metricUnit(name) == MetricUnit::Plain)
        return QStringLiteral("95% CI %1–%2").arg(formatValue(low), formatValue(high));
    // "a–b %": the unit once, after the range.
    return QStringLiteral("95% CI %1–%2 %3")
        .arg(formatMetricNumber(name, low), formatMetricNumber(name, high),
             metricUnitSymbol(metricUnit(name)));
}

QString formatWithCi(const MetricRow &row)
{
    if (row.ciLow && row.ciHigh)
        return QStringLiteral("%1 (%2)").arg(formatMetricText(row.name, row.value),
                                             formatMetricCi(row.name, *row.ciLow, *row.ciHigh));
    return formatMetricText(row.name, row.value);
}

ModelCard modelCardFor(const ReportRun &run)
{
    const RunRecord &r = run.record;
    const QJsonObject &c = r.config;
    ModelCard card;
    card.modelName = run.displayName();
    card.runId = r.id;
    const QString method = r.method.isEmpty() ? configText(c, QStringLiteral("method")) : r.method;
    const QString encoder = configText(c, QStringLiteral("encoder"));
    const QString target = configText(c, QStringLiteral("target"));
    card.sensitiveAttributes = sensitiveOf(c);
    const QString sensitive = card.sensitiveAttributes.join(QStringLiteral(", "));
    card.details = {{QStringLiteral("Method"),
                     QStringLiteral("%1 (%2 family)").arg(method, runFamilyName(r.family))}};
    if (!encoder.isEmpty()) {
        const int dim = representationDim(c);
        card.details.append({QStringLiteral("Encoder"),
                             QStringLiteral("%1, %2-d representation, projection head to %3-d")
                                 .arg(encoder)
                                 .arg(dim)
                                 .arg(c.value(QStringLiteral("projectionDim")).toInt())});
    }
    if (c.contains(QStringLiteral("epochs")))
        card.details.append({QStringLiteral("Training"),
                             QStringLiteral("%1 epoch(s) recorded of %2, batch %3, %4 lr %5")
                                 .arg(run.epochs.size())
                                 .arg(c.value(QStringLiteral("epochs")).toInt())
                                 .arg(c.value(QStringLiteral("batchSize")).toInt())
                                 .arg(configText(c, QStringLiteral("optimizer")),
                                      configText(c, QStringLiteral("learningRate")))});
    card.details.append({QStringLiteral("Seed"), QString::number(r.seed)});
    card.details.append({QStringLiteral("Run"), r.id});
    card.details.append({QStringLiteral("Created"), storeTimestamp(r.createdAt)});
    card.details.append({QStringLiteral("Software"),
                         QStringLiteral("Equiscope %1, LibTorch %2")
                             .arg(r.versions.value(QStringLiteral("equiscope")).toString(),
                                  r.versions.value(QStringLiteral("libtorch")).toString())});

    if (run.hasModel) {
        card.intendedUse =
            QStringLiteral("A frozen image representation for downstream classifiers of '%1' on "
                           "data like the training data, trained to carry as little information "
                           "as possible about the sensitive attribute(s) %2. Intended for research "
                           "on fair representation learning and for auditing how much of the "
                           "sensitive attribute a representation keeps.")
                .arg(target, sensitive.isEmpty() ? QStringLiteral("(none)") : sensitive);
        card.outOfScope =
            QStringLiteral("Decisions about individual people without a new audit on their data; "
                           "data from another distribution (re-evaluate with `equiscope-cli "
                           "evaluate-model` first); use of the representation to infer the "
                           "sensitive attribute.");
    } else {
        card.intendedUse = QStringLiteral("An audit of predictions made by a model outside "
                                          "Equiscope; the card describes the predictions, not "
                                          "the model.");
    }
    const int bins = c.value(QStringLiteral("groupBins")).toInt(4);
    const int minSize = c.value(QStringLiteral("minGroupSize")).toInt(30);
    card.groupingNote =
        QStringLiteral("Groups are the combinations of the sensitive attributes' levels "
                       "(intersections when there are several); continuous and vector attributes "
                       "are binned into %1 k-means bins. Groups with fewer than %2 test samples "
                       "are too small to judge and enter no aggregate.")
            .arg(bins)
            .arg(minSize);

    const QJsonObject ds = r.datasetSpec;
    card.trainingData = {
        {QStringLiteral("Dataset"),
         QStringLiteral("%1 (%2)").arg(ds.value(QStringLiteral("path")).toString(),
                                       ds.value(QStringLiteral("format")).toString())},
        {QStringLiteral("Fingerprint"), r.datasetFingerprint}};
    if (c.contains(QStringLiteral("trainLimit")))
        card.trainingData.append(
            {QStringLiteral("Training samples"),
             c.value(QStringLiteral("trainLimit")).toDouble() > 0
                 ? QStringLiteral("at most %1 of the train split")
                       .arg(qint64(c.value(QStringLiteral("trainLimit")).toDouble()))
                 : QStringLiteral("the whole train split")});
    if (!run.evaluation.isEmpty()) {
        card.evaluationData = {
            {QStringLiteral("Test samples"),
             QString::number(run.evaluation.value(QStringLiteral("testSamples")).toInteger())},
            {QStringLiteral("Probe-training samples"),
             QString::number(
                 run.evaluation.value(QStringLiteral("probeTrainSamples")).toInteger())}};
    }
    if (run.fairness)
        card.evaluationData.append({QStringLiteral("Confidence intervals"),
                                    QStringLiteral("%1% stratified bootstrap, %2 resamples")
                                        .arg(run.fairness->confidence * 100, 0, 'f', 0)
                                        .arg(run.fairness->resamples)});

    for (const QString &name : reportsections::overallMetricNames({run}))
        if (const MetricRow *m = run.finalRow(name))
            card.metrics.append({m->name, formatWithCi(*m)});
    for (const QString &g : run.groupLabels())
        for (const MetricRow &m : run.groupRows(g))
            if (m.name == QLatin1String("too_small_to_judge"))
                card.tooSmallGroups
                    << QStringLiteral("%1 (n = %2)").arg(g).arg(m.groupSize.value_or(0));

    // Limitations the numbers themselves point to.
    const int epochs = int(run.epochs.size());
    if (run.hasModel && epochs > 0 && epochs < 10)
        card.limitations << QStringLiteral("Trained for only %1 epoch(s): the representation is "
                                           "far from converged; numbers are indicative.")
                                .arg(epochs);
    if (!card.tooSmallGroups.isEmpty())
        card.limitations << QStringLiteral("%1 group(s) are too small to judge: %2.")
                                .arg(card.tooSmallGroups.size())
                                .arg(card.tooSmallGroups.join(QStringLiteral(", ")));
    const auto probe = run.finalValue(QStringLiteral("bias_probe_accuracy"));
    const auto majority = run.finalValue(QStringLiteral("bias_probe_majority_rate"));
    if (probe && majority && *probe > *majority + 0.05)
        card.limitations << QStringLiteral("The sensitive group is still linearly predictable "
                                           "from the representation (probe accuracy %1 vs. "
                                           "majority rate %2).")
                                .arg(formatValue(*probe), formatValue(*majority));
    const auto r2 = run.finalValue(QStringLiteral("bias_r2"));
    if (r2 && *r2 > 0.3)
        card.limitations << QStringLiteral("A linear regressor recovers much of the protected "
                                           "attribute (R² = %1).")
                                .arg(formatValue(*r2));
    for (const MetricRow &m : run.finalMetrics)
        if (m.group.isEmpty() && m.ciLow && m.ciHigh && *m.ciHigh - *m.ciLow > 0.1 &&
            std::abs(m.value) <= 1.0) {
            card.limitations << QStringLiteral("Wide confidence intervals (e.g. %1: %2): more "
                                               "test data is needed for firm conclusions.")
                                    .arg(m.name, formatWithCi(m));
            break;
        }
    if (ds.value(QStringLiteral("format")).toString() == QLatin1String("colored"))
        card.limitations << QStringLiteral("Colored MNIST / Fashion-MNIST is synthetic: the "
                                           "protected attribute is a colour, not a property of "
                                           "people; results do not transfer to real populations.");
    if (run.hasModel)
        card.limitations << QStringLiteral("Accuracy and fairness are measured with linear probes "
                                           "on a frozen representation; another downstream model "
                                           "can behave differently.");
    card.limitations << QStringLiteral("Group metrics only cover the recorded sensitive "
                                       "attributes; other groups may be treated unequally.");
    card.ethicalConsiderations =
        QStringLiteral("A fairness metric close to parity is not proof of fair treatment. Check "
                       "the group sizes and intervals above, involve the people affected, and "
                       "re-audit on the data of the intended use.");
    return card;
}

QString ModelCard::toMarkdown() const
{
    QString out = QStringLiteral("# Model card: %1\n\n").arg(md(modelName));
    auto table = [&](const QVector<QPair<QString, QString>> &rows) {
        QString t = QStringLiteral("| | |\n|---|---|\n");
        for (const auto &kv : rows)
            t += QStringLiteral("| %1 | %2 |\n").arg(md(kv.first), md(kv.second));
        return t + QLatin1Char('\n');
    };
    out += QStringLiteral("## Model details\n\n") + table(pairsToMarkdownSafe(details));
    out += QStringLiteral("## Intended use\n\n%1\n\n").arg(md(intendedUse));
    if (!outOfScope.isEmpty())
        out += QStringLiteral("**Out of scope:** %1\n\n").arg(md(outOfScope));
    out += QStringLiteral("## Sensitive attributes\n\n");
    for (const QString &s : sensitiveAttributes)
        out += QStringLiteral("- %1\n").arg(md(s));
    out += QStringLiteral("\n%1\n\n").arg(md(groupingNote));
    out += QStringLiteral("## Training data\n\n") + table(trainingData);
    if (!evaluationData.isEmpty())
        out += QStringLiteral("## Evaluation data\n\n") + table(evaluationData);
    out += QStringLiteral("## Metrics\n\n| metric | value | meaning |\n|---|---|---|\n");
    for (const auto &kv : metrics)
        out += QStringLiteral("| %1 | %2 | %3 |\n")
                   .arg(md(kv.first), md(kv.second), md(metricDefinition(kv.first)));
    out += QStringLiteral("\n## Limitations\n\n");
    for (const QString &l : limitations)
        out += QStringLiteral("- %1\n").arg(md(l));
    out += QStringLiteral("\n## Ethical considerations\n\n%1\n").arg(md(ethicalConsiderations));
    return out;
}

QJsonObject ModelCard::toJson() const
{
    return QJsonObject{
        {QStringLiteral("modelName"), modelName},
        {QStringLiteral("runId"), runId},
        {QStringLiteral("details"), pairsJson(details)},
        {QStringLiteral("intendedUse"), intendedUse},
        {QStringLiteral("outOfScope"), outOfScope},
        {QStringLiteral("sensitiveAttributes"), QJsonArray::fromStringList(sensitiveAttributes)},
        {QStringLiteral("grouping"), groupingNote},
        {QStringLiteral("trainingData"), pairsJson(trainingData)},
        {QStringLiteral("evaluationData"), pairsJson(evaluationData)},
        {QStringLiteral("metrics"), pairsJson(metrics)},
        {QStringLiteral("tooSmallGroups"), QJsonArray::fromStringList(tooSmallGroups)},
        {QStringLiteral("limitations"), QJsonArray::fromStringList(limitations)},
        {QStringLiteral("ethicalConsiderations"), ethicalConsiderations}};
}

QVector<ReportBlock> ModelCard::toBlocks() const
{
    QVector<ReportBlock> blocks;
    blocks << ReportBlock::paragraph(QStringLiteral("Model card of %1.").arg(modelName));
    blocks << ReportBlock::keyValues(details);
    blocks << ReportBlock::keyValues({{QStringLiteral("Intended use"), intendedUse}});
    if (!outOfScope.isEmpty())
        blocks << ReportBlock::keyValues({{QStringLiteral("Out of scope"), outOfScope}});
    blocks << ReportBlock::keyValues(
        {{QStringLiteral("Sensitive attributes"),
          sensitiveAttributes.isEmpty() ? QStringLiteral("none")
                                        : sensitiveAttributes.join(QStringLiteral(", "))},
         {QStringLiteral("Groups"), groupingNote}});
    blocks << ReportBlock::keyValues(trainingData + evaluationData);
    ReportTable t;
    t.header = {QStringLiteral("Metric"), QStringLiteral("Value (95% CI)")};
    for (const auto &kv : metrics)
        t.rows.push_back({ReportCell(metricTitle(kv.first)), ReportCell(kv.second)});
    if (!t.rows.isEmpty())
        blocks << ReportBlock::tableBlock(t);
    blocks << ReportBlock::note(QStringLiteral("Limitations"));
    blocks << ReportBlock::bullets(limitations);
    blocks << ReportBlock::paragraph(ethicalConsiderations);
    return blocks;
}

} // namespace equiscope
