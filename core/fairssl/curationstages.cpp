// FairSslPipeline: stages 2–4 — deduplicate (and remove evaluation-split duplicates from the
// pool), retrieve the M nearest pool images of every seed, and the quality filter.
#include "fairssl/curation_p.h"
#include "fairssl/fairsslpipeline_p.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <set>

namespace equiscope {

namespace {

double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

} // namespace

Expected<StageResult> FairSslPipeline::Private::completeDedup(const std::atomic<bool> &cancel)
{
    QElapsedTimer timer;
    timer.start();
    // Rows 0 … |S|+|U|−1 of the embeddings are the seeds, then the pool: the first member of a
    // duplicate group is kept, so seeds win over pool images.
    const int64_t trainRows = int64_t(seeds.size() + pool.size());
    const auto train = embeddings.narrow(0, 0, trainRows);
    const curation::DedupResult dups = curation::deduplicate(train, config.dedupThreshold, &cancel);
    if (dups.cancelled)
        return fairSslError(QStringLiteral("cancelled"));
    keptSeeds.clear();
    keptPool.clear();
    for (int64_t row : dups.kept)
        (size_t(row) < seeds.size() ? keptSeeds : keptPool).push_back(universe[size_t(row)]);

    // Nothing that may enter the curated set (seeds included) may duplicate an evaluation image.
    std::vector<curation::Duplicate> leaks;
    if (config.dedupAgainstEval && !evalTest.empty()) {
        std::vector<qint64> candidates = keptSeeds;
        candidates.insert(candidates.end(), keptPool.begin(), keptPool.end());
        leaks = curation::matchesAgainst(rowsOf(candidates), rowsOf(evalTest),
                                         config.dedupThreshold, &cancel);
        if (cancel.load())
            return fairSslError(QStringLiteral("cancelled"));
        std::set<qint64> leaked;
        for (auto &l : leaks) {
            l.row = candidates[size_t(l.row)];
            l.keptRow = evalTest[size_t(l.keptRow)];
            leaked.insert(l.row);
        }
        auto clean = [&](std::vector<qint64> &list) {
            list.erase(std::remove_if(list.begin(), list.end(),
                                      [&](qint64 s) { return leaked.count(s) > 0; }),
                       list.end());
        };
        clean(keptSeeds);
        clean(keptPool);
    }

    StageResult r;
    r.report.stage = QStringLiteral("dedup");
    r.report.input = trainRows;
    r.report.kept = qint64(keptSeeds.size() + keptPool.size());
    r.report.dropped = r.report.input - r.report.kept;
    qint64 seedDuplicates = 0;
    for (const auto &dup : dups.dropped)
        seedDuplicates += size_t(dup.row) < seeds.size() ? 1 : 0;
    r.report.details = QJsonObject{{QStringLiteral("threshold"), config.dedupThreshold},
                                   {QStringLiteral("duplicates"), qint64(dups.dropped.size())},
                                   {QStringLiteral("seedDuplicates"), seedDuplicates},
                                   {QStringLiteral("evaluationDuplicates"), qint64(leaks.size())},
                                   {QStringLiteral("pairsAboveThreshold"), qint64(dups.pairs)},
                                   {QStringLiteral("keptSeeds"), qint64(keptSeeds.size())},
                                   {QStringLiteral("keptPool"), qint64(keptPool.size())}};
    QJsonArray items;
    const int half = std::max(1, config.thumbnails / 2);
    for (size_t i = 0; i < dups.dropped.size() && int(items.size()) < half; ++i) {
        const auto &dup = dups.dropped[i];
        items.append(thumbnailItem(universe[size_t(dup.row)], universe[size_t(dup.keptRow)],
                                   dup.cosine, QStringLiteral("duplicate")));
    }
    for (size_t i = 0; i < leaks.size() && int(items.size()) < config.thumbnails; ++i)
        items.append(thumbnailItem(leaks[i].row, leaks[i].keptRow, leaks[i].cosine,
                                   QStringLiteral("duplicates a test image")));
    if (config.thumbnails > 0)
        r.thumbnails = QJsonObject{{QStringLiteral("items"), items}};
    r.outputs = fairSslPackLists({keptSeeds, keptPool});
    r.report.seconds = seconds(timer);
    return r;
}

Expected<StageResult> FairSslPipeline::Private::completeRetrieve(const std::atomic<bool> &cancel)
{
    QElapsedTimer timer;
    timer.start();
    std::set<qint64> seedSet(keptSeeds.begin(), keptSeeds.end());
    std::set<qint64> retrieved;
    double cosineSum = 0;
    qint64 sameClass = 0, labelledPairs = 0, hits = 0;
    if (config.retrievalPerSeed > 0 && !keptPool.empty() && !keptSeeds.empty()) {
        auto [values, indices] = curation::blockedTopK(rowsOf(keptSeeds), rowsOf(keptPool),
                                                       config.retrievalPerSeed, &cancel);
        if (!values.defined())
            return fairSslError(QStringLiteral("cancelled"));
        const auto v = values.contiguous();
        const auto ix = indices.contiguous();
        const auto va = v.accessor<float, 2>();
        const auto ia = ix.accessor<int64_t, 2>();
        for (int64_t s = 0; s < ix.size(0); ++s)
            for (int64_t k = 0; k < ix.size(1); ++k) {
                const qint64 sample = keptPool[size_t(ia[s][k])];
                retrieved.insert(sample);
                cosineSum += va[s][k];
                ++hits;
                const int yp = classOf[size_t(sample)], ys = classOf[size_t(keptSeeds[size_t(s)])];
                if (yp >= 0) {
                    ++labelledPairs;
                    sameClass += yp == ys ? 1 : 0;
                }
            }
    }
    curated = keptSeeds;
    qint64 offTarget = 0;
    for (qint64 s : retrieved)
        if (!seedSet.count(s)) {
            curated.push_back(s);
            offTarget += classOf[size_t(s)] < 0 ? 1 : 0;
        }

    StageResult r;
    r.report.stage = QStringLiteral("retrieve");
    r.report.input = qint64(keptPool.size());
    r.report.kept = qint64(retrieved.size());
    r.report.dropped = r.report.input - r.report.kept;
    r.report.details =
        QJsonObject{{QStringLiteral("perSeed"), config.retrievalPerSeed},
                    {QStringLiteral("seeds"), qint64(keptSeeds.size())},
                    {QStringLiteral("retrieved"), qint64(retrieved.size())},
                    {QStringLiteral("curated"), qint64(curated.size())},
                    {QStringLiteral("meanCosine"), hits ? cosineSum / double(hits) : 0.0},
                    {QStringLiteral("outsideTargetLevels"), offTarget},
                    // Where true labels exist: how often a retrieved image has its seed's class.
                    {QStringLiteral("sameClassRate"),
                     labelledPairs ? double(sameClass) / double(labelledPairs) : -1.0}};
    r.outputs = fairSslPackLists({curated});
    r.report.seconds = seconds(timer);
    return r;
}

Expected<StageResult> FairSslPipeline::Private::completeQuality(const std::atomic<bool> &cancel)
{
    QElapsedTimer timer;
    timer.start();
    StageResult r;
    r.report.stage = QStringLiteral("quality");
    r.report.input = qint64(curated.size());
    if (!config.qualityFilter) {
        trainSet = curated;
        r.report.kept = r.report.input;
        r.report.details = QJsonObject{{QStringLiteral("enabled"), false}};
        r.outputs = fairSslPackLists({trainSet});
        return r;
    }
    const auto &shape = dataset.images->shape();
    std::vector<double> scores(curated.size());
    at::parallel_for(0, int64_t(curated.size()), 256, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i)
            scores[size_t(i)] =
                curation::laplacianVariance(dataset.images->image(curated[size_t(i)]), shape.height,
                                            shape.width, shape.channels);
    });
    if (cancel.load())
        return fairSslError(QStringLiteral("cancelled"));
    trainSet.clear();
    std::vector<size_t> dropped;
    for (size_t i = 0; i < curated.size(); ++i) {
        if (scores[i] >= config.qualityThreshold)
            trainSet.push_back(curated[i]);
        else
            dropped.push_back(i);
    }
    std::vector<double> sorted = scores;
    std::sort(sorted.begin(), sorted.end());
    if (trainSet.size() < 2)
        return fairSslError(
            QStringLiteral("the quality filter kept %1 of %2 images: quality.threshold %3 is above "
                           "almost every sharpness score (median %4, max %5); lower it or turn the "
                           "filter off")
                .arg(trainSet.size())
                .arg(curated.size())
                .arg(config.qualityThreshold)
                .arg(sorted.empty() ? 0.0 : sorted[sorted.size() / 2])
                .arg(sorted.empty() ? 0.0 : sorted.back()));
    r.report.kept = qint64(trainSet.size());
    r.report.dropped = qint64(dropped.size());
    r.report.details = QJsonObject{
        {QStringLiteral("enabled"), true},
        {QStringLiteral("score"), QStringLiteral("variance of the Laplacian (sharpness proxy)")},
        {QStringLiteral("threshold"), config.qualityThreshold},
        {QStringLiteral("minScore"), sorted.empty() ? 0.0 : sorted.front()},
        {QStringLiteral("medianScore"), sorted.empty() ? 0.0 : sorted[sorted.size() / 2]},
        {QStringLiteral("maxScore"), sorted.empty() ? 0.0 : sorted.back()}};
    // Thumbnails: the lowest scores first.
    std::sort(dropped.begin(), dropped.end(),
              [&](size_t a, size_t b) { return scores[a] < scores[b]; });
    QJsonArray items;
    for (size_t k = 0; k < dropped.size() && int(items.size()) < config.thumbnails; ++k)
        items.append(thumbnailItem(curated[dropped[k]], -1, scores[dropped[k]],
                                   QStringLiteral("low sharpness")));
    if (config.thumbnails > 0)
        r.thumbnails = QJsonObject{{QStringLiteral("items"), items}};
    r.outputs = fairSslPackLists({trainSet});
    r.report.seconds = seconds(timer);
    return r;
}

} // namespace equiscope
