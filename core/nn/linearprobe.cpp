#include "nn/linearprobe_p.h"

namespace equiscope {

Standardizer Standardizer::fit(const torch::Tensor &x)
{
    Standardizer s;
    s.mean = x.mean(0, true);
    s.scale = x.std(0, false, true).clamp_min(1e-6);
    return s;
}

torch::Tensor fitPredictLogistic(const torch::Tensor &trainX, const torch::Tensor &trainY,
                                 int classes, const torch::Tensor &testX, double l2, int iterations,
                                 torch::Tensor *testProbabilities)
{
    const Standardizer s = Standardizer::fit(trainX);
    const auto x = s.apply(trainX).to(torch::kFloat64);
    const auto y = trainY.to(torch::kLong);
    auto w = torch::zeros({x.size(1), classes}, torch::kFloat64).requires_grad_(true);
    auto b = torch::zeros({classes}, torch::kFloat64).requires_grad_(true);
    torch::optim::LBFGS opt({w, b}, torch::optim::LBFGSOptions(1.0)
                                        .max_iter(iterations)
                                        .history_size(20)
                                        .line_search_fn("strong_wolfe")
                                        .tolerance_grad(1e-7)
                                        .tolerance_change(1e-10));
    auto closure = [&]() {
        opt.zero_grad();
        auto loss =
            torch::nn::functional::cross_entropy(torch::addmm(b, x, w), y) + l2 * w.pow(2).sum();
        loss.backward();
        return loss;
    };
    opt.step(closure);
    torch::NoGradGuard guard;
    const auto logits = torch::addmm(b, s.apply(testX).to(torch::kFloat64), w);
    if (testProbabilities)
        *testProbabilities = torch::softmax(logits, 1).to(torch::kFloat32);
    return logits.argmax(1);
}

torch::Tensor fitPredictLinear(const torch::Tensor &trainX, const torch::Tensor &trainY,
                               const torch::Tensor &testX, double ridge)
{
    torch::NoGradGuard guard;
    const Standardizer s = Standardizer::fit(trainX);
    auto x = s.apply(trainX).to(torch::kFloat64);
    x = torch::cat({x, torch::ones({x.size(0), 1}, torch::kFloat64)}, 1);
    const auto y = trainY.to(torch::kFloat64);
    auto gram = x.t().mm(x);
    gram.diagonal().add_(ridge * double(x.size(0)));
    const auto w = torch::linalg::solve(gram, x.t().mm(y), true);
    auto t = s.apply(testX).to(torch::kFloat64);
    t = torch::cat({t, torch::ones({t.size(0), 1}, torch::kFloat64)}, 1);
    return t.mm(w).to(torch::kFloat32);
}

} // namespace equiscope
