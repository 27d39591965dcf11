// Grad-CAM saliency of the probe batch: where the encoder looks, per image and per group.
#include "fare/faresession_p.h"
#include "fare/gradcam_p.h"

#include "nn/probeimages.h"
#include "nn/saliencysnapshot.h"

#include "data/datasetpreview.h"

namespace equiscope {

torch::Tensor gradCamMaps(const torch::Tensor &activation, const torch::Tensor &score)
{
    const auto grads = torch::autograd::grad({score.sum()}, {activation})[0];
    const auto alpha = grads.mean({2, 3}, true);
    const auto cam = torch::relu((alpha * activation).sum(1)).detach();
    const auto peak = cam.amax({1, 2}, true).clamp_min(1e-12);
    return (cam / peak).to(torch::kFloat32).contiguous();
}

torch::Tensor prototypeSimilarity(const torch::Tensor &representation, const torch::Tensor &targets)
{
    namespace F = torch::nn::functional;
    const auto r = F::normalize(representation, F::NormalizeFuncOptions().dim(1));
    const auto fixed = r.detach();
    const int64_t b = r.size(0);
    const auto y = targets.to(torch::kLong).to(r.device());
    const int64_t classes = b > 0 ? y.max().item<int64_t>() + 1 : 0;
    // Per-class sums and counts, then leave-one-out prototypes.
    const auto onehot = torch::one_hot(y.clamp_min(0), std::max<int64_t>(1, classes)).to(r.dtype());
    const auto sums = onehot.t().mm(fixed);              // C×d
    const auto counts = onehot.sum(0);                   // C
    const auto own = sums.index_select(0, y) - fixed;    // b×d, the class without i
    const auto ownCount = counts.index_select(0, y) - 1; // b
    const auto others = fixed.sum(0, true) - fixed;      // b×d, everything without i
    const auto lonely = (ownCount < 0.5).unsqueeze(1);
    const auto prototype = torch::where(lonely, others, own);
    return (r * F::normalize(prototype, F::NormalizeFuncOptions().dim(1))).sum(1);
}

ProbeImages FareSession::probeImages() const
{
    ProbeImages p;
    if (!d->dataset.images)
        return p;
    for (qint64 sample : d->probeBatch) {
        p.samples << sample;
        p.images << datasetImage(d->dataset, sample);
    }
    return p;
}

SaliencySnapshot FareSession::saliencySnapshot(int epoch)
{
    Private &p = *d;
    SaliencySnapshot s;
    if (!p.dataset.images || p.probeBatch.empty() || p.model->encoderName() == QLatin1String("mlp"))
        return s;
    const Attribute &target = p.dataset.attributes.column(p.config.target);
    std::vector<int64_t> targets;
    for (qint64 sample : p.probeBatch)
        targets.push_back(std::max(0, target.code(sample)));
    torch::Tensor maps, score;
    try {
        // Training runs with autograd on; be explicit in case the caller holds a NoGradGuard.
        torch::AutoGradMode autograd(true);
        p.model->eval(); // BatchNorm on running statistics: score i depends on image i only
        const auto x = p.augmenter->evaluate(p.gatherImages(p.probeBatch)).to(p.device);
        const auto representation = p.model->represent(x);
        const auto activation = p.model->lastConvActivation();
        score = prototypeSimilarity(
            representation, torch::tensor(targets, torch::kLong).to(representation.device()));
        maps = gradCamMaps(activation, score).to(torch::kCPU);
        score = score.detach().to(torch::kCPU).to(torch::kFloat32).contiguous();
        p.model->train();
    } catch (const std::exception &) {
        // Saliency is an extra for the viewer: a failure must not stop the run.
        p.model->train();
        return s;
    }
    s.epoch = epoch;
    // Keys, not prose: the view words them in the user's language.
    s.explained = QStringLiteral("prototype-similarity");
    s.mapHeight = int(maps.size(1));
    s.mapWidth = int(maps.size(2));
    s.layer = p.model->encoderName() == QLatin1String("lenet") ? QStringLiteral("lenet.conv2")
                                                               : QStringLiteral("resnet18.layer4");
    s.heat = QVector<float>(maps.data_ptr<float>(), maps.data_ptr<float>() + maps.numel());
    s.score = QVector<float>(score.data_ptr<float>(), score.data_ptr<float>() + score.numel());
    for (const Group &g : p.groups.groups)
        s.groupLabels << g.label;
    s.targetLabels = target.levels();
    for (size_t i = 0; i < p.probeBatch.size(); ++i) {
        s.samples << p.probeBatch[i];
        s.groups << p.groups.groupOf[size_t(p.probeBatch[i])];
        s.targets << int(targets[i]);
    }
    return s;
}

} // namespace equiscope
