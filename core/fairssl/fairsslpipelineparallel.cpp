// FairSslPipeline: data-parallel training of the embed and train stages
// (docs/design/distributed.md). Each rank augments and encodes its share of a batch; the rows are
// gathered into the one-process order and the rest of the step runs on the whole batch on every
// rank, so N ranks train what one process trains with the same batch.
#include "fairssl/fairsslpipeline_p.h"

#include "distributed/dataparallelops_p.h"

namespace equiscope {

torch::Tensor FairSslPipeline::Private::trainingViews(BatchAugmenter &augmenter,
                                                      const std::vector<qint64> &batch, int views)
{
    const int64_t all = int64_t(batch.size());
    const auto [first, last] =
        parallel ? shareOf(all, parallel->rank(), parallel->worldSize()) : std::pair{0L, all};
    const std::vector<qint64> mine(batch.begin() + first, batch.begin() + last);
    const auto u8 = gatherImages(mine);
    std::vector<torch::Tensor> parts;
    for (int v = 0; v < views; ++v)
        parts.push_back(augmenter.augment(u8, all, first));
    return torch::cat(parts).to(device);
}

torch::Tensor FairSslPipeline::Private::gatherViews(const torch::Tensor &local, int64_t batchSize,
                                                    int views)
{
    if (!parallel)
        return local;
    const auto rows = sharesOf(batchSize, parallel->worldSize());
    const auto host = local.to(torch::kFloat);
    return views == 2 ? allGatherTwoViews(*parallel, host, rows)
                      : allGatherRows(*parallel, host, rows);
}

void FairSslPipeline::Private::beginBackward(StageReduction &reduction)
{
    if (!parallel)
        return;
    if (!reduction.overlapped && overlapGradientReduction())
        reduction.overlapped = std::make_unique<OverlappedGradientReduction>(
            *parallel, reduction.sharded, reduction.replicated);
    if (reduction.overlapped)
        reduction.overlapped->arm();
}

void FairSslPipeline::Private::endBackward(StageReduction &reduction)
{
    if (!parallel)
        return;
    if (reduction.overlapped)
        reduction.overlapped->finish();
    else
        allReduceGradients(*parallel, reduction.sharded, reduction.replicated);
    // Batch-norm statistics of the part each rank ran on its own rows (ResNet-18): rank 0's
    // are kept, as PyTorch's DistributedDataParallel does.
    if (!reduction.buffers.empty())
        broadcastTensors(*parallel, reduction.buffers);
}

bool FairSslPipeline::Private::recordsRun() const
{
    return !parallel || parallel->rank() == 0;
}

Expected<Done> FairSslPipeline::setDataParallel(std::shared_ptr<DataParallelGroup> group)
{
    if (!group || group->worldSize() < 2) {
        d->parallel = nullptr;
        return Done{};
    }
    if (d->config.metaWeighted() && d->config.lookAheadScope == QLatin1String("full"))
        return fairSslError(
            QStringLiteral("metaWeight.scope 'full' differentiates the look-ahead through the "
                           "whole encoder, which a data-parallel run cannot split over its "
                           "ranks; use 'head+last-block' or train in one process"));
    d->parallel = std::move(group);
    return Done{};
}

Expected<Done> FairSslPipeline::prepareEpochs(const QString &stage)
{
    if (stage == QLatin1String("train") && !d->trainReady)
        return d->prepareTraining();
    if (stage == QLatin1String("embed") && !d->embedModel)
        return fairSslError(QStringLiteral("the embed stage has no SimCLR encoder to train"));
    return Done{};
}

} // namespace equiscope
