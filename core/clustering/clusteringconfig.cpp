#include "clustering/clusteringconfig.h"

#include "data/datasetspecjson.h"
#include "store/runrecord.h"
#include "util/computeoptions.h"
#include "util/jsonfields.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {

DataError configError(const QString &field, const QString &expected, const QString &found)
{
    return fieldError(QStringLiteral("clustering config"), field, expected, found);
}

} // namespace

QString clusteringMethodName(ClusteringMethod method)
{
    switch (method) {
    case ClusteringMethod::TransformerFair:
        return QStringLiteral("transformer-fair");
    case ClusteringMethod::Transformer:
        return QStringLiteral("transformer");
    case ClusteringMethod::KMeans:
        return QStringLiteral("kmeans");
    case ClusteringMethod::KnnThreshold:
        return QStringLiteral("knn-threshold");
    }
    return {};
}

Expected<ClusteringMethod> clusteringMethodFromName(const QString &name)
{
    for (ClusteringMethod m : {ClusteringMethod::TransformerFair, ClusteringMethod::Transformer,
                               ClusteringMethod::KMeans, ClusteringMethod::KnnThreshold})
        if (clusteringMethodName(m) == name)
            return m;
    return configError(QStringLiteral("method"),
                       QStringLiteral("transformer-fair, transformer, kmeans or knn-threshold"),
                       name);
}

bool clusteringMethodTrains(ClusteringMethod method)
{
    return method == ClusteringMethod::TransformerFair || method == ClusteringMethod::Transformer;
}

QString purityFormName(PurityForm form)
{
    return form == PurityForm::UpperBound ? QStringLiteral("upper-bound")
                                          : QStringLiteral("variance");
}

ClusteringConfig ClusteringConfig::forMethod(ClusteringMethod method)
{
    ClusteringConfig c;
    c.method = method;
    if (method != ClusteringMethod::TransformerFair) {
        c.crossAttention = false;
        c.purityLoss = false;
    }
    // The model-free baseline thresholds a cosine, not a probability.
    if (method == ClusteringMethod::KnnThreshold)
        c.edgeThreshold = 0.7;
    return c;
}

int ClusteringConfig::modelWidth(int featureDim) const
{
    if (width > 0)
        return width;
    const int h = std::max(1, heads);
    return (featureDim + k + h - 1) / h * h;
}

QJsonObject ClusteringConfig::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("family"), runFamilyName(RunFamily::Clustering));
    o.insert(QStringLiteral("method"), clusteringMethodName(method));
    o.insert(QStringLiteral("dataset"), dataset.toJson());
    o.insert(QStringLiteral("fromRun"), fromRun);
    o.insert(QStringLiteral("fromRunStore"), fromRunStore);
    o.insert(QStringLiteral("encoderScript"), encoderScript);
    o.insert(QStringLiteral("identity"), identity);
    o.insert(QStringLiteral("sensitive"), QJsonArray::fromStringList(sensitive));
    o.insert(QStringLiteral("views"), views);
    o.insert(QStringLiteral("sampleLimit"), sampleLimit);
    o.insert(QStringLiteral("sampleSplit"), sampleSplit);
    o.insert(QStringLiteral("subsampleGroup"), subsampleGroup);
    o.insert(QStringLiteral("subsampleFraction"), subsampleFraction);
    o.insert(QStringLiteral("groupBins"), groupBins);
    o.insert(QStringLiteral("minGroupSize"), minGroupSize);
    o.insert(QStringLiteral("valFraction"), valFraction);
    o.insert(QStringLiteral("testFraction"), testFraction);
    o.insert(QStringLiteral("centerFeatures"), centerFeatures);
    o.insert(QStringLiteral("featureScratchMiB"), featureScratchMiB);
    o.insert(QStringLiteral("k"), k);
    o.insert(QStringLiteral("knn"), knnIndexName(knn));
    o.insert(QStringLiteral("knnMemoryMiB"), knnMemoryMiB);
    o.insert(QStringLiteral("hnswLinks"), hnswLinks);
    o.insert(QStringLiteral("hnswBuildDepth"), hnswBuildDepth);
    o.insert(QStringLiteral("hnswSearchDepth"), hnswSearchDepth);
    o.insert(QStringLiteral("ivfCells"), ivfCells);
    o.insert(QStringLiteral("ivfProbes"), ivfProbes);
    o.insert(QStringLiteral("recallSample"), recallSample);
    o.insert(QStringLiteral("minRecall"), minRecall);
    o.insert(QStringLiteral("subClusters"), subClusters);
    o.insert(QStringLiteral("layers"), layers);
    o.insert(QStringLiteral("heads"), heads);
    o.insert(QStringLiteral("width"), width);
    o.insert(QStringLiteral("dropout"), dropout);
    o.insert(QStringLiteral("crossAttention"), crossAttention);
    o.insert(QStringLiteral("crossAttentionAll"), crossAttentionAll);
    o.insert(QStringLiteral("purityLoss"), purityLoss);
    o.insert(QStringLiteral("lambda"), lambda);
    o.insert(QStringLiteral("purityForm"), purityFormName(purityForm));
    o.insert(QStringLiteral("edgeThreshold"), edgeThreshold);
    o.insert(QStringLiteral("sharedThreshold"), sharedThreshold);
    o.insert(QStringLiteral("tuneThresholds"), tuneThresholds);
    o.insert(QStringLiteral("kmeansIterations"), kmeansIterations);
    o.insert(QStringLiteral("epochs"), epochs);
    o.insert(QStringLiteral("batchSize"), batchSize);
    o.insert(QStringLiteral("anchorsPerEpoch"), anchorsPerEpoch);
    o.insert(QStringLiteral("learningRate"), learningRate);
    o.insert(QStringLiteral("weightDecay"), weightDecay);
    o.insert(QStringLiteral("seed"), QString::number(seed));
    o.insert(QStringLiteral("threads"), threads);
    o.insert(QStringLiteral("device"), device);
    // Written only when reduced: configs from before the option stay what they were.
    if (precision != QLatin1String("fp32"))
        o.insert(QStringLiteral("precision"), precision);
    o.insert(QStringLiteral("attentionAnchors"), attentionAnchors);
    return o;
}

Expected<ClusteringConfig> ClusteringConfig::fromJson(const QJsonObject &o)
{
    // Read strictly, like every run config: a wrongly typed or unknown key is an error naming
    // its path, never a silent default.
    const QString file = QStringLiteral("clustering config");
    ClusteringMethod method = ClusteringMethod::TransformerFair;
    if (o.contains(QStringLiteral("method"))) {
        if (!o.value(QStringLiteral("method")).isString())
            return configError(
                QStringLiteral("method"), QStringLiteral("a method name"),
                QStringLiteral("a %1").arg(o.value(QStringLiteral("method")).isDouble()
                                               ? QStringLiteral("number")
                                               : QStringLiteral("non-string")));
        auto m = clusteringMethodFromName(o.value(QStringLiteral("method")).toString());
        if (!m)
            return m.error();
        method = m.value();
    }
    ClusteringConfig c = forMethod(method);
    QString family = runFamilyName(RunFamily::Clustering);
    QString purityForm;
    QString knn = knnIndexName(c.knn);
    QJsonObject datasetJson;
    JsonFields f(o, file);
    f.text(QStringLiteral("name"), c.name)
        .text(QStringLiteral("family"), family)
        .known(QStringLiteral("method"))
        .object(QStringLiteral("dataset"), datasetJson)
        .text(QStringLiteral("fromRun"), c.fromRun)
        .text(QStringLiteral("fromRunStore"), c.fromRunStore)
        .text(QStringLiteral("encoderScript"), c.encoderScript)
        .text(QStringLiteral("identity"), c.identity)
        .textList(QStringLiteral("sensitive"), c.sensitive)
        .integer(QStringLiteral("views"), c.views, 1, 1000)
        .integer(QStringLiteral("sampleLimit"), c.sampleLimit, 0, qint64(1) << 40)
        .text(QStringLiteral("sampleSplit"), c.sampleSplit)
        .text(QStringLiteral("subsampleGroup"), c.subsampleGroup)
        .number(QStringLiteral("subsampleFraction"), c.subsampleFraction)
        .integer(QStringLiteral("groupBins"), c.groupBins, 2, 1000)
        .integer(QStringLiteral("minGroupSize"), c.minGroupSize, 1, 1000000000)
        .number(QStringLiteral("valFraction"), c.valFraction)
        .number(QStringLiteral("testFraction"), c.testFraction)
        .flag(QStringLiteral("centerFeatures"), c.centerFeatures)
        .integer(QStringLiteral("featureScratchMiB"), c.featureScratchMiB, 0, 1 << 24)
        .integer(QStringLiteral("k"), c.k, 1, 100000)
        .text(QStringLiteral("knn"), knn)
        .integer(QStringLiteral("knnMemoryMiB"), c.knnMemoryMiB, 1, 1 << 20)
        .integer(QStringLiteral("hnswLinks"), c.hnswLinks, 4, 256)
        .integer(QStringLiteral("hnswBuildDepth"), c.hnswBuildDepth, 1, 100000)
        .integer(QStringLiteral("hnswSearchDepth"), c.hnswSearchDepth, 0, 100000)
        .integer(QStringLiteral("ivfCells"), c.ivfCells, 0, 1 << 24)
        .integer(QStringLiteral("ivfProbes"), c.ivfProbes, 1, 1 << 24)
        .integer(QStringLiteral("recallSample"), c.recallSample, 0, 1000000)
        .number(QStringLiteral("minRecall"), c.minRecall)
        .integer(QStringLiteral("subClusters"), c.subClusters, 1, 4096)
        .integer(QStringLiteral("layers"), c.layers, 0, 256)
        .integer(QStringLiteral("heads"), c.heads, 1, 256)
        .integer(QStringLiteral("width"), c.width, 0, 65536)
        .number(QStringLiteral("dropout"), c.dropout)
        .flag(QStringLiteral("crossAttention"), c.crossAttention)
        .flag(QStringLiteral("crossAttentionAll"), c.crossAttentionAll)
        .flag(QStringLiteral("purityLoss"), c.purityLoss)
        .number(QStringLiteral("lambda"), c.lambda)
        .text(QStringLiteral("purityForm"), purityForm)
        .number(QStringLiteral("edgeThreshold"), c.edgeThreshold)
        .number(QStringLiteral("sharedThreshold"), c.sharedThreshold)
        .flag(QStringLiteral("tuneThresholds"), c.tuneThresholds)
        .integer(QStringLiteral("kmeansIterations"), c.kmeansIterations, 1, 100000)
        .integer(QStringLiteral("epochs"), c.epochs, 1, 100000)
        .integer(QStringLiteral("batchSize"), c.batchSize, 1, 65536)
        .integer(QStringLiteral("anchorsPerEpoch"), c.anchorsPerEpoch, 0, qint64(1) << 40)
        .number(QStringLiteral("learningRate"), c.learningRate)
        .number(QStringLiteral("weightDecay"), c.weightDecay)
        .unsigned64(QStringLiteral("seed"), c.seed)
        .integer(QStringLiteral("threads"), c.threads, 0, 1024)
        .text(QStringLiteral("device"), c.device)
        .text(QStringLiteral("precision"), c.precision)
        .integer(QStringLiteral("attentionAnchors"), c.attentionAnchors, 0, 1000);
    if (auto e = f.error())
        return *e;
    if (family != runFamilyName(RunFamily::Clustering))
        return configError(QStringLiteral("family"), runFamilyName(RunFamily::Clustering), family);
    if (o.contains(QStringLiteral("dataset"))) {
        auto dataset = readDatasetSpec(datasetJson, file);
        if (!dataset)
            return dataset.error();
        c.dataset = dataset.value();
    }
    {
        auto index = knnIndexFromName(knn, file);
        if (!index)
            return index.error();
        c.knn = index.value();
    }
    if (o.contains(QStringLiteral("purityForm"))) {
        if (purityForm == QLatin1String("upper-bound"))
            c.purityForm = PurityForm::UpperBound;
        else if (purityForm == QLatin1String("variance"))
            c.purityForm = PurityForm::Variance;
        else
            return configError(QStringLiteral("purityForm"),
                               QStringLiteral("upper-bound or variance"), purityForm);
    }
    auto ok = c.validate();
    if (!ok)
        return ok.error();
    return c;
}

Expected<Done> ClusteringConfig::validate() const
{
    auto number = [](double v) { return QString::number(v, 'g', 6); };
    // A dataset is a path, or a format with options only (coloured MNIST from its source).
    const bool hasDataset = !dataset.path.isEmpty() || !dataset.format.isEmpty();
    if (!hasDataset && fromRun.isEmpty())
        return configError(QStringLiteral("dataset"),
                           QStringLiteral("a features file or a run to take embeddings from"),
                           QStringLiteral("neither"));
    if (!encoderScript.isEmpty() && (!hasDataset || !fromRun.isEmpty()))
        return configError(QStringLiteral("encoderScript"),
                           QStringLiteral("a dataset of images to embed and no fromRun"),
                           !hasDataset ? QStringLiteral("no dataset")
                                       : QStringLiteral("fromRun as well"));
    if (auto e = computeOptionsError(device, precision, ReducedPrecisionOn::CudaOnly))
        return *e;
    if (identity.isEmpty() && views <= 1)
        return configError(QStringLiteral("identity"), QStringLiteral("an attribute name"),
                           QStringLiteral("nothing"));
    if (views < 1 || views > 1000)
        return configError(QStringLiteral("views"), QStringLiteral("1 … 1000"),
                           QString::number(views));
    if (!QStringList{"train", "val", "test", "all"}.contains(sampleSplit))
        return configError(QStringLiteral("sampleSplit"), QStringLiteral("train, val, test or all"),
                           sampleSplit);
    if (sampleLimit < 0)
        return configError(QStringLiteral("sampleLimit"), QStringLiteral("0 (all) or more"),
                           QString::number(sampleLimit));
    if (!(subsampleFraction > 0 && subsampleFraction <= 1))
        return configError(QStringLiteral("subsampleFraction"), QStringLiteral("0 < fraction ≤ 1"),
                           number(subsampleFraction));
    if (!(valFraction > 0) || !(testFraction > 0) || valFraction + testFraction >= 1)
        return configError(
            QStringLiteral("valFraction/testFraction"),
            QStringLiteral("positive fractions of the identities summing below 1"),
            QStringLiteral("%1 + %2").arg(number(valFraction), number(testFraction)));
    if (k < 2)
        return configError(QStringLiteral("k"), QStringLiteral("at least 2"), QString::number(k));
    if (knnMemoryMiB < 1)
        return configError(QStringLiteral("knnMemoryMiB"), QStringLiteral("at least 1"),
                           QString::number(knnMemoryMiB));
    if (hnswLinks < 4 || hnswBuildDepth < 1 || hnswSearchDepth < 0)
        return configError(
            QStringLiteral("hnswLinks/hnswBuildDepth/hnswSearchDepth"),
            QStringLiteral("links ≥ 4, build depth ≥ 1, search depth ≥ 0"),
            QStringLiteral("%1/%2/%3").arg(hnswLinks).arg(hnswBuildDepth).arg(hnswSearchDepth));
    if (ivfCells < 0 || ivfProbes < 1)
        return configError(QStringLiteral("ivfCells/ivfProbes"),
                           QStringLiteral("cells ≥ 0 (0 = automatic), probes ≥ 1"),
                           QStringLiteral("%1/%2").arg(ivfCells).arg(ivfProbes));
    if (recallSample < 0)
        return configError(QStringLiteral("recallSample"), QStringLiteral("0 (none) or more"),
                           QString::number(recallSample));
    if (!(minRecall >= 0 && minRecall <= 1))
        return configError(QStringLiteral("minRecall"), QStringLiteral("0 … 1 (0 = no floor)"),
                           number(minRecall));
    if (minRecall > 0 && knn != KnnIndex::Exact && recallSample == 0)
        return configError(QStringLiteral("minRecall"),
                           QStringLiteral("a recallSample to measure the recall with"),
                           QStringLiteral("recallSample 0"));
    if (subClusters < 2 || subClusters > k)
        return configError(QStringLiteral("subClusters"), QStringLiteral("2 … k (%1)").arg(k),
                           QString::number(subClusters));
    if (layers < 0 || layers > 24)
        return configError(QStringLiteral("layers"), QStringLiteral("0 … 24"),
                           QString::number(layers));
    if (heads < 1)
        return configError(QStringLiteral("heads"), QStringLiteral("at least 1"),
                           QString::number(heads));
    if (width < 0 || (width > 0 && width % heads != 0))
        return configError(QStringLiteral("width"),
                           QStringLiteral("0 (automatic) or a multiple of heads (%1)").arg(heads),
                           QString::number(width));
    if (!(dropout >= 0 && dropout < 1))
        return configError(QStringLiteral("dropout"), QStringLiteral("0 ≤ dropout < 1"),
                           number(dropout));
    if (!(lambda >= 0))
        return configError(QStringLiteral("lambda"), QStringLiteral("0 or more"), number(lambda));
    if (!(edgeThreshold >= -1 && edgeThreshold <= 1))
        return configError(QStringLiteral("edgeThreshold"), QStringLiteral("-1 … 1"),
                           number(edgeThreshold));
    if (!(sharedThreshold >= 0 && sharedThreshold <= 1))
        return configError(QStringLiteral("sharedThreshold"), QStringLiteral("0 … 1"),
                           number(sharedThreshold));
    if (kmeansIterations < 1)
        return configError(QStringLiteral("kmeansIterations"), QStringLiteral("at least 1"),
                           QString::number(kmeansIterations));
    if (epochs < 1)
        return configError(QStringLiteral("epochs"), QStringLiteral("at least 1"),
                           QString::number(epochs));
    if (batchSize < 1)
        return configError(QStringLiteral("batchSize"), QStringLiteral("at least 1"),
                           QString::number(batchSize));
    if (anchorsPerEpoch < 0)
        return configError(QStringLiteral("anchorsPerEpoch"), QStringLiteral("0 (all) or more"),
                           QString::number(anchorsPerEpoch));
    if (!(learningRate > 0))
        return configError(QStringLiteral("learningRate"), QStringLiteral("a positive number"),
                           number(learningRate));
    if (!std::isfinite(learningRate))
        return configError(QStringLiteral("learningRate"), QStringLiteral("a finite number"),
                           number(learningRate));
    if (!(weightDecay >= 0) || !std::isfinite(weightDecay))
        return configError(QStringLiteral("weightDecay"), QStringLiteral("a finite number ≥ 0"),
                           number(weightDecay));
    if (!(lambda >= 0) || !std::isfinite(lambda))
        return configError(QStringLiteral("lambda"), QStringLiteral("a finite number ≥ 0"),
                           number(lambda));
    if (attentionAnchors < 0)
        return configError(QStringLiteral("attentionAnchors"), QStringLiteral("0 or more"),
                           QString::number(attentionAnchors));
    return Done{};
}

} // namespace equiscope
