#pragma once
// Private (LibTorch) header: the linear probes of the evaluation protocol.

#include <torch/torch.h>

namespace equiscope {

/// Feature standardisation fitted on the training rows (zero mean, unit variance per column).
struct Standardizer
{
    torch::Tensor mean, scale;
    static Standardizer fit(const torch::Tensor &x);
    torch::Tensor apply(const torch::Tensor &x) const { return (x - mean) / scale; }
};

/// Multinomial logistic regression trained to convergence with full-batch L-BFGS and a small
/// L2 penalty (docs/design/methods/fare.md: "linear classifier (L-BFGS or Adam to convergence,
/// small L2)"). Returns the predicted class of every test row.
torch::Tensor fitPredictLogistic(const torch::Tensor &trainX, const torch::Tensor &trainY,
                                 int classes, const torch::Tensor &testX, double l2 = 1e-4,
                                 int iterations = 100, torch::Tensor *testProbabilities = nullptr);

/// Least-squares linear regression with a tiny ridge (closed form); returns test predictions.
torch::Tensor fitPredictLinear(const torch::Tensor &trainX, const torch::Tensor &trainY,
                               const torch::Tensor &testX, double ridge = 1e-3);

} // namespace equiscope
