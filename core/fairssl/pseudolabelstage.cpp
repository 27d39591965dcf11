// FairSslPipeline: stage 5 — pseudo-labels with a confidence per image, their accuracy where
// true labels exist, and the group- and class-balanced high-confidence meta set.
#include "fairssl/fairsslpipeline_p.h"
#include "fairssl/pseudolabels_p.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace equiscope {

namespace {

/// Up to ⌈fraction·|D| / cells⌉ of the most confident images of every (group, class) cell with
/// confidence ≥ minConfidence: as balanced as the cells allow (a small cell gives all it has).
std::vector<qint64> balancedMetaSet(const std::vector<qint64> &trainSet,
                                    const std::vector<int> &labels,
                                    const std::vector<float> &confidence,
                                    const std::vector<int32_t> &groupOf, double fraction,
                                    double minConfidence, int minPerCell, int *cellCount)
{
    std::map<std::pair<int, int>, std::vector<qint64>> cells;
    for (size_t i = 0; i < trainSet.size(); ++i) {
        const int g = groupOf[size_t(trainSet[i])];
        if (g < 0 || confidence[i] < minConfidence)
            continue;
        cells[{g, labels[i]}].push_back(qint64(i));
    }
    *cellCount = int(cells.size());
    std::vector<qint64> meta;
    if (cells.empty())
        return meta;
    // A cell gets its share of the fraction, and at least minPerCell images where it has them:
    // a meta set of a few dozen images judged V by noise (docs/design/methods/fair-ssl.md).
    const qint64 perCell = std::max<qint64>(
        std::max(1, minPerCell),
        qint64(std::ceil(fraction * double(trainSet.size()) / double(cells.size()))));
    for (auto &[cell, members] : cells) {
        std::stable_sort(members.begin(), members.end(), [&](qint64 a, qint64 b) {
            return confidence[size_t(a)] > confidence[size_t(b)];
        });
        for (qint64 k = 0; k < std::min<qint64>(perCell, qint64(members.size())); ++k)
            meta.push_back(members[size_t(k)]);
    }
    std::sort(meta.begin(), meta.end());
    return meta;
}

} // namespace

Expected<StageResult> FairSslPipeline::Private::completePseudoLabel()
{
    QElapsedTimer timer;
    timer.start();
    const auto e = rowsOf(trainSet);

    // A handful of labelled examples per class, from the seeds that survived curation.
    std::vector<std::vector<qint64>> seedsOfClass(static_cast<size_t>(classes));
    std::vector<char> isSeed(size_t(dataset.size), 0);
    for (qint64 s : keptSeeds)
        isSeed[size_t(s)] = 1;
    for (size_t i = 0; i < trainSet.size(); ++i)
        if (isSeed[size_t(trainSet[i])] && classOf[size_t(trainSet[i])] >= 0)
            seedsOfClass[size_t(classOf[size_t(trainSet[i])])].push_back(qint64(i));
    std::mt19937_64 rng(fairSslStream(config.seed, LabelledDraw));
    std::vector<int64_t> labelledRows;
    std::vector<int> labelledClasses;
    labelledExamples.clear();
    for (int c = 0; c < classes; ++c) {
        auto &rows = seedsOfClass[size_t(c)];
        if (rows.empty())
            return fairSslError(
                QStringLiteral("no seed image of class '%1' is left after curation, "
                               "so pseudo-labels cannot be mapped to it")
                    .arg(classNames[c]));
        std::shuffle(rows.begin(), rows.end(), rng);
        for (size_t k = 0; k < std::min(rows.size(), size_t(config.labelledPerClass)); ++k) {
            labelledRows.push_back(rows[k]);
            labelledClasses.push_back(c);
            labelledExamples.push_back(trainSet[size_t(rows[k])]);
        }
    }

    pseudolabels::Labels labels;
    if (config.pseudoLabelMode == QLatin1String("zero-shot"))
        labels = pseudolabels::zeroShotLabels(e, classEmbeddings, config.zeroShotScale);
    else if (config.pseudoLabelMode == QLatin1String("knn"))
        labels = pseudolabels::knnLabels(e, labelledRows, labelledClasses, classes,
                                         config.knnNeighbours);
    else
        labels = pseudolabels::kmeansLabels(e, labelledRows, labelledClasses, classes,
                                            fairSslStream(config.seed, KMeans));
    pseudoLabel = labels.label;
    confidence = labels.confidence;

    // Pseudo-label accuracy where the true label is known (pool images outside the target
    // levels have none), overall and per group.
    const int groupCount = groups.groupCount();
    std::vector<qint64> correct(size_t(groupCount), 0), total(size_t(groupCount), 0);
    qint64 allCorrect = 0, allTotal = 0;
    std::vector<qint64> perClass(size_t(classes), 0);
    double confidenceSum = 0;
    for (size_t i = 0; i < trainSet.size(); ++i) {
        ++perClass[size_t(pseudoLabel[i])];
        confidenceSum += confidence[i];
        const int y = classOf[size_t(trainSet[i])];
        if (y < 0)
            continue;
        const bool ok = y == pseudoLabel[i];
        allCorrect += ok;
        ++allTotal;
        const int g = groups.groupOf[size_t(trainSet[i])];
        if (g >= 0) {
            correct[size_t(g)] += ok;
            ++total[size_t(g)];
        }
    }
    QJsonObject byGroup;
    for (int g = 0; g < groupCount; ++g)
        if (total[size_t(g)] > 0)
            byGroup.insert(groups.groups[g].label,
                           QJsonObject{{QStringLiteral("accuracy"),
                                        double(correct[size_t(g)]) / double(total[size_t(g)])},
                                       {QStringLiteral("n"), total[size_t(g)]}});
    QJsonObject classCounts;
    for (int c = 0; c < classes; ++c)
        classCounts.insert(classNames[c], perClass[size_t(c)]);

    int cells = 0;
    metaSet.clear();
    if (config.metaWeighted()) {
        metaSet =
            balancedMetaSet(trainSet, pseudoLabel, confidence, groups.groupOf, config.metaFraction,
                            config.metaMinConfidence, config.metaMinPerCell, &cells);
        if (metaSet.size() < 2)
            return fairSslError(
                QStringLiteral("the meta set is empty (%1 image(s)): no curated image with a known "
                               "group has a pseudo-label confidence of at least %2 "
                               "(metaWeight.minConfidence). Lower it, or raise metaWeight.fraction "
                               "(now %3). Nothing was trained with weights.")
                    .arg(metaSet.size())
                    .arg(config.metaMinConfidence)
                    .arg(config.metaFraction));
    }

    StageResult r;
    r.report.stage = QStringLiteral("pseudo-label");
    r.report.input = qint64(trainSet.size());
    r.report.kept = r.report.input;
    r.report.details = QJsonObject{
        {QStringLiteral("mode"), config.pseudoLabelMode},
        {QStringLiteral("labelledExamples"), qint64(labelledExamples.size())},
        {QStringLiteral("accuracy"), allTotal ? double(allCorrect) / double(allTotal) : -1.0},
        {QStringLiteral("withTrueLabel"), allTotal},
        {QStringLiteral("accuracyByGroup"), byGroup},
        {QStringLiteral("classCounts"), classCounts},
        {QStringLiteral("meanConfidence"),
         trainSet.empty() ? 0.0 : confidenceSum / double(trainSet.size())},
        {QStringLiteral("metaSet"), qint64(metaSet.size())},
        {QStringLiteral("metaCells"), cells}};
    std::vector<qint64> labelList(pseudoLabel.begin(), pseudoLabel.end());
    r.outputs = fairSslPackLists({trainSet, labelList, labelledExamples, metaSet}, confidence);
    r.report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return r;
}

} // namespace equiscope
