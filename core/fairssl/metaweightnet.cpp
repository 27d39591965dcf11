#include "fairssl/metaweightnet_p.h"

namespace equiscope {

namespace nn = torch::nn;

MetaWeightNetImpl::MetaWeightNetImpl(int hidden, bool centred) : m_centred(centred)
{
    m_fc1 = register_module("fc1", nn::Linear(1, hidden));
    // Centred, an output bias would change nothing and get no gradient (Adam would still move
    // it, by rounding noise); it is left out.
    m_fc2 = register_module("fc2", nn::Linear(nn::LinearOptions(hidden, 1).bias(!centred)));
}

torch::Tensor MetaWeightNetImpl::forward(const torch::Tensor &losses)
{
    const auto f = m_fc2(torch::relu(m_fc1(losses.unsqueeze(1))));
    if (!m_centred)
        return torch::sigmoid(f).squeeze(1);
    // The normalised objective Σwℓ/Σw gives V's overall level no gradient, so Adam let it
    // wander into the sigmoid's tail, where w ≈ exp(f) turns small differences of f into
    // weights of 0.02 against 1.8; centring pins the level.
    return 2 * torch::sigmoid(f - f.mean()).squeeze(1);
}

torch::Tensor stepWeights(const torch::Tensor &w, double minWeight)
{
    if (minWeight <= 0)
        return w;
    return (w / w.mean().clamp_min(1e-12)).clamp_min(minWeight);
}

namespace {

// The tensors a layer's forward reads, by their parameter/buffer name.
struct LayerSlots
{
    torch::Tensor *weight = nullptr;
    torch::Tensor *bias = nullptr;
    torch::Tensor *runningMean = nullptr;
    torch::Tensor *runningVar = nullptr;
    torch::Tensor *batchesTracked = nullptr;
};

template <typename Norm> LayerSlots normSlots(Norm *m)
{
    return {&m->weight, &m->bias, &m->running_mean, &m->running_var, &m->num_batches_tracked};
}

LayerSlots slotsOf(nn::Module *module)
{
    if (auto *m = dynamic_cast<nn::LinearImpl *>(module))
        return {&m->weight, &m->bias};
    if (auto *m = dynamic_cast<nn::Conv2dImpl *>(module))
        return {&m->weight, &m->bias};
    if (auto *m = dynamic_cast<nn::BatchNorm1dImpl *>(module))
        return normSlots(m);
    if (auto *m = dynamic_cast<nn::BatchNorm2dImpl *>(module))
        return normSlots(m);
    return {};
}

} // namespace

ParameterSwap::ParameterSwap(nn::Module &model, const std::map<std::string, torch::Tensor> &replace)
{
    auto swap = [this](torch::Tensor *member, const torch::Tensor &with) {
        m_slots.push_back(Slot{member, *member});
        *member = with;
    };
    for (const auto &item : model.named_modules()) {
        const LayerSlots s = slotsOf(item.value().get());
        const std::string prefix = item.key().empty() ? std::string() : item.key() + ".";
        for (auto [member, name] : {std::pair{s.weight, "weight"}, std::pair{s.bias, "bias"}}) {
            if (!member || !member->defined())
                continue;
            const auto it = replace.find(prefix + name);
            if (it != replace.end()) {
                swap(member, it->second);
                ++m_swapped;
            }
        }
        for (torch::Tensor *stat : {s.runningMean, s.runningVar, s.batchesTracked})
            if (stat && stat->defined())
                swap(stat, stat->clone());
    }
}

ParameterSwap::~ParameterSwap()
{
    for (auto it = m_slots.rbegin(); it != m_slots.rend(); ++it)
        *it->member = it->original;
}

LookAheadResult metaWeightLookAhead(nn::Module &model,
                                    const std::vector<std::pair<std::string, torch::Tensor>> &fast,
                                    MetaWeightNet &weightNet, const torch::Tensor &trainLosses,
                                    const std::function<torch::Tensor()> &metaLoss, double alpha,
                                    double minWeight)
{
    LookAheadResult r;
    // As in the authors' Meta-Weight-Net code: V sees the loss values (no graph through its
    // input) and the virtual step uses the weights normalised to sum 1. Without the
    // normalisation the meta gradient only learns to shrink every weight (on the default the
    // mean weight fell to 0.02 in the first epoch), which the real step's Σwℓ/Σw ignores anyway.
    const auto weights = stepWeights(weightNet->forward(trainLosses.detach()), minWeight);
    const auto virtualLoss = (weights * trainLosses).sum() / weights.sum().clamp_min(1e-12);
    r.virtualLoss = virtualLoss.item<double>();
    std::vector<torch::Tensor> params;
    params.reserve(fast.size());
    for (const auto &p : fast)
        params.push_back(p.second);
    // a. the virtual step, differentiable with respect to V's parameters.
    const auto grads = torch::autograd::grad({virtualLoss}, params, {}, /*retain_graph=*/true,
                                             /*create_graph=*/true, /*allow_unused=*/true);
    std::map<std::string, torch::Tensor> stepped;
    for (size_t i = 0; i < fast.size(); ++i)
        stepped[fast[i].first] = grads[i].defined() ? params[i] - alpha * grads[i] : params[i];
    // b. the meta loss at θ̂ and its gradient with respect to φ (through θ̂). The train graph
    // is retained: the caller's real step backpropagates through the same forward.
    torch::Tensor meta;
    {
        ParameterSwap swap(model, stepped);
        meta = metaLoss();
    }
    r.metaLoss = meta.item<double>();
    const auto phi = weightNet->parameters();
    const auto metaGrads = torch::autograd::grad({meta}, phi, {}, /*retain_graph=*/true,
                                                 /*create_graph=*/false, /*allow_unused=*/true);
    for (size_t i = 0; i < phi.size(); ++i) {
        auto g = metaGrads[i].defined() ? metaGrads[i].detach() : torch::zeros_like(phi[i]);
        phi[i].mutable_grad() = g;
    }
    return r;
}

} // namespace equiscope
