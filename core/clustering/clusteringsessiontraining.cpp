// ClusteringSession's training: the epoch loop (one process or one rank of a data-parallel run)
// and the checkpoints a resumed run restarts from.
#include "clustering/clusteringsession_p.h"

#include "distributed/dataparallelops_p.h"
#include "util/torchdevice_p.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

namespace equiscope {

std::vector<int64_t> ClusteringSession::Private::anchorOrder(int epoch) const
{
    std::vector<int64_t> order(size_t(train.size()));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(clusteringStreamSeed(config.seed, 3, quint64(epoch)));
    std::shuffle(order.begin(), order.end(), rng);
    if (config.anchorsPerEpoch > 0 && qint64(order.size()) > config.anchorsPerEpoch)
        order.resize(size_t(config.anchorsPerEpoch));
    return order;
}

double ClusteringSession::Private::learningRateAt(int epoch, qint64 step) const
{
    // Cosine decay over all steps (to a tenth of the peak), no warm-up: short CPU runs.
    const double total = double(config.epochs) * double(std::max<qint64>(1, stepsPerEpoch));
    const double t = double(epoch - 1) * double(stepsPerEpoch) + double(step);
    const double c = 0.5 * (1.0 + std::cos(M_PI * std::min(1.0, t / total)));
    return config.learningRate * (0.1 + 0.9 * c);
}

Expected<ClusteringEpochReport>
ClusteringSession::runEpoch(int epoch, const std::atomic<bool> &cancel,
                            const std::function<void(qint64, qint64, double)> &progress)
{
    Private &p = *d;
    ClusteringEpochReport report;
    report.epoch = epoch;
    if (!trains() || !p.graphsBuilt)
        return fileError(p.data.source, QStringLiteral("nothing to train: build the graphs of "
                                                       "a transformer method first"));
    QElapsedTimer timer;
    timer.start();
    try {
        // Dropout draws are a pure function of (seed, epoch): a resumed epoch repeats exactly.
        torch::manual_seed(clusteringStreamSeed(p.config.seed, 4, quint64(epoch)));
        p.model->train();
        ClusteringLossOptions lo;
        lo.purity = p.config.purityLoss;
        lo.lambda = p.config.lambda;
        lo.form = p.config.purityForm;
        const std::vector<int64_t> order = p.anchorOrder(epoch);
        const qint64 steps = p.stepsPerEpoch;
        double sums[4] = {0, 0, 0, 0};
        qint64 done = 0, anchors = 0;
        for (qint64 step = 0; step < steps; ++step) {
            if (cancel.load()) {
                report.cancelled = true;
                break;
            }
            const size_t begin = size_t(step * p.config.batchSize);
            const size_t end = std::min(order.size(), begin + size_t(p.config.batchSize));
            const auto batch = torch::tensor(
                std::vector<int64_t>(order.begin() + qint64(begin), order.begin() + qint64(end)),
                torch::kLong);
            const double lr = p.learningRateAt(epoch, step);
            for (auto &group : p.optimizer->param_groups())
                group.options().set_lr(lr);
            report.learningRate = lr;
            // A data-parallel rank runs the transformer on its share of the anchors; the loss
            // sees every rank's logits (docs/design/distributed.md).
            torch::Tensor mine = batch;
            std::vector<int64_t> shares;
            if (p.parallel) {
                const int world = p.parallel->worldSize();
                for (int r = 0; r < world; ++r) {
                    const auto range = shareOf(batch.size(0), r, world);
                    shares.push_back(range.second - range.first);
                    if (r == p.parallel->rank())
                        mine = batch.narrow(0, range.first, range.second - range.first);
                }
            }
            torch::Tensor logits;
            {
                const AutocastScope autocast(p.device, p.precision);
                logits = p.model->forward(p.tokens(p.train, mine));
            }
            if (p.parallel)
                logits = allGatherRows(*p.parallel, logits.to(torch::kFloat), shares);
            const ClusteringLossTerms terms =
                clusteringLoss(logits.to(torch::kFloat), p.targets(p.train, batch), lo);
            const auto values = terms.values.detach();
            const double total = values[0].item<double>();
            if (!std::isfinite(total))
                return fileError(
                    p.data.source,
                    QStringLiteral("the loss became %1 at epoch %2, step %3 (learning rate %4); "
                                   "try a lower learning rate")
                        .arg(std::isnan(total) ? QStringLiteral("NaN") : QStringLiteral("infinite"))
                        .arg(epoch)
                        .arg(step + 1)
                        .arg(lr));
            p.optimizer->zero_grad();
            terms.total().backward();
            if (p.parallel) // every parameter saw only this rank's anchors: sum over ranks
                allReduceGradients(*p.parallel, p.model->parameters(), {});
            p.optimizer->step();
            for (int i = 0; i < 4; ++i)
                sums[i] += values[i].item<double>();
            ++done;
            anchors += batch.size(0);
            if (progress)
                progress(step + 1, steps, total);
        }
        const double n = double(std::max<qint64>(1, done));
        report.loss = sums[0] / n;
        report.bce = sums[1] / n;
        report.fm = sums[2] / n;
        report.purityPenalty = sums[3] / n;
        // Only the rank that records the run scores the validation identities.
        if (!report.cancelled && (!p.parallel || p.parallel->rank() == 0)) {
            const auto scores = p.probabilities(p.val, &cancel);
            if (cancel.load()) {
                report.cancelled = true;
                return report; // the epoch is not finished: no checkpoint, resumed whole
            }
            const auto predicted = clusterKnnGraph(p.val.graph, scores, p.config.edgeThreshold,
                                                   p.config.sharedThreshold);
            // The fairness of the epoch too: F per sensitive group on the validation identities.
            auto scored = p.scoreSplit(p.val, predicted);
            if (!scored)
                return scored.error();
            report.valFScore = scored->overall.pairwiseFScore;
            const Spread spread =
                scored->acrossGroups.value(QStringLiteral("pairwise_f_score"), Spread{});
            report.valFScoreMin = spread.min;
            report.valFScoreStd = spread.std;
        }
        report.seconds = double(timer.nsecsElapsed()) / 1e9;
        report.anchorsPerSecond = double(anchors) / std::max(1e-9, report.seconds);
    } catch (const std::exception &e) {
        return fileError(p.data.source, QStringLiteral("training failed at epoch %1: %2")
                                            .arg(epoch)
                                            .arg(QString::fromUtf8(e.what())));
    }
    return report;
}

Expected<Done> ClusteringSession::setDataParallel(std::shared_ptr<DataParallelGroup> group)
{
    if (group && group->worldSize() > 1 && !trains())
        return fileError(d->data.source, QStringLiteral("%1 trains nothing: run it in one process")
                                             .arg(clusteringMethodName(d->config.method)));
    d->parallel = group && group->worldSize() > 1 ? std::move(group) : nullptr;
    return Done{};
}

QByteArray ClusteringSession::saveCheckpoint(int epoch) const
{
    if (!d->model)
        return {};
    torch::serialize::OutputArchive archive, modelArchive, optArchive;
    archive.write("epoch", torch::tensor(int64_t(epoch)));
    d->model->save(modelArchive);
    d->optimizer->save(optArchive);
    archive.write("model", modelArchive);
    archive.write("optimizer", optArchive);
    std::ostringstream out;
    archive.save_to(out);
    const std::string s = out.str();
    return QByteArray(s.data(), qsizetype(s.size()));
}

Expected<int> ClusteringSession::restoreCheckpoint(const QByteArray &checkpoint)
{
    if (!d->model)
        return fileError(d->data.source, QStringLiteral("this method has no checkpoints"));
    try {
        std::istringstream in(std::string(checkpoint.constData(), size_t(checkpoint.size())));
        torch::serialize::InputArchive archive, modelArchive, optArchive;
        archive.load_from(in, d->device);
        torch::Tensor epoch;
        archive.read("epoch", epoch);
        archive.read("model", modelArchive);
        archive.read("optimizer", optArchive);
        d->model->load(modelArchive);
        d->optimizer->load(optArchive);
        return int(epoch.item<int64_t>());
    } catch (const std::exception &e) {
        return fileError(
            d->data.source,
            QStringLiteral("cannot restore the checkpoint: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace equiscope
