#pragma once
// Private (torch-facing) interface of the contrastive losses of docs/design/methods/fare.md. Each
// loss has two implementations: the reference (the formula in plain tensor ops, differentiated by
// autograd) and the fast path (row-block / tile fused computation with a hand-written backward).
// The unit tests hold one against the other; the trainer uses the fast path.

#include "losses/lossconfig.h"

#include <torch/torch.h>

#include <limits>
#include <memory>

namespace equiscope {

/// One batch as the losses see it.
struct LossInputs
{
    torch::Tensor u1, u2; ///< b x d, L2-normalised projections of the two views
    torch::Tensor z;      ///< b x dz, standardised protected attribute (float)
    torch::Tensor groups; ///< int64 b: group / bin id (Fair-InfoNCE mask mode); may be undefined
};

struct LossOutput
{
    torch::Tensor loss; ///< scalar
    double attentionEntropy =
        std::numeric_limits<double>::quiet_NaN(); ///< FARE variants: mean row entropy (nats)
    int64_t emptySupportRows = 0;                 ///< SparseFARE: rows whose support is empty
};

namespace lossdetail {

/// The type the device-generic engines compute the similarity and attention products in on this
/// thread; Undefined = the inputs' own type. Set by ContrastiveLoss::forward for its call.
torch::ScalarType productType();

class ProductTypeScope
{
public:
    explicit ProductTypeScope(torch::ScalarType type);
    ~ProductTypeScope();
    ProductTypeScope(const ProductTypeScope &) = delete;
    ProductTypeScope &operator=(const ProductTypeScope &) = delete;

private:
    torch::ScalarType m_before;
};

} // namespace lossdetail

/// Which implementation forward() uses.
enum class LossPath
{
    Fast,
    Reference
};

class ContrastiveLoss : public torch::nn::Module
{
public:
    explicit ContrastiveLoss(const LossConfig &config) : m_config(config) {}
    const LossConfig &config() const { return m_config; }

    void setPath(LossPath path) { m_path = path; }
    LossPath path() const { return m_path; }

    /// Mixed precision (docs/design/gpu.md): the similarity and attention products of the
    /// device-generic path in `type` (bf16 / fp16), everything else in fp32. The fused CPU
    /// engines compute in fp32 regardless. Undefined (the default): the inputs' type.
    void setProductType(torch::ScalarType type) { m_productType = type; }

    LossOutput forward(const LossInputs &in)
    {
        const lossdetail::ProductTypeScope products(m_productType);
        // Autocast hands over reduced-precision projections: the statistics (log-sum-exp,
        // softmax, gradients) are computed in fp32 at least.
        const auto reduced = [](const torch::Tensor &t) {
            return t.defined() &&
                   (t.scalar_type() == torch::kBFloat16 || t.scalar_type() == torch::kHalf);
        };
        if (reduced(in.u1) || reduced(in.u2) || reduced(in.z)) {
            LossInputs wide = in;
            for (torch::Tensor *t : {&wide.u1, &wide.u2, &wide.z}) {
                if (reduced(*t))
                    *t = t->to(torch::kFloat);
            }
            return m_path == LossPath::Fast ? forwardFast(wide) : forwardReference(wide);
        }
        return m_path == LossPath::Fast ? forwardFast(in) : forwardReference(in);
    }
    virtual LossOutput forwardFast(const LossInputs &in) = 0;
    virtual LossOutput forwardReference(const LossInputs &in) = 0;

    /// b x b attention probabilities of the batch (rows sum to 1, or to 0 for an empty
    /// support); undefined for losses without attention. Dense: meant for small probe batches.
    virtual torch::Tensor attentionMatrix(const torch::Tensor &z)
    {
        (void)z;
        return {};
    }

protected:
    LossConfig m_config;
    LossPath m_path = LossPath::Fast;
    torch::ScalarType m_productType = torch::ScalarType::Undefined;
};

/// The loss named by config.method. zDim is the width of z (FARE's W_Q, W_K are zDim x zDim,
/// initialised to the identity, registered as parameters "W_Q" and "W_K").
std::shared_ptr<ContrastiveLoss> makeContrastiveLoss(const LossConfig &config, int zDim);

namespace lossdetail {

/// Stand-in for -inf in the fast paths: exp() of it is exactly 0 and 0 * it is 0 (not NaN).
constexpr double kMasked = -1e30;

/// log c of the negative scale for a batch of b.
double logNegativeScale(const LossConfig &config, int64_t b);

// Reference FARE term: given log-attention logP (b x b, -inf outside the support; rows of an
// empty support are flagged in `empty`), S = u1 u2^T / tau and the config's c / symmetry.
torch::Tensor referenceWeightedLoss(const torch::Tensor &logP, const torch::Tensor &u1,
                                    const torch::Tensor &u2, double tau, double logC,
                                    bool symmetric, const torch::Tensor &empty);

// Factories of the individual losses (one .cpp each).
std::shared_ptr<ContrastiveLoss> makeInfoNceLoss(const LossConfig &config);
std::shared_ptr<ContrastiveLoss> makeFairInfoNceLoss(const LossConfig &config);
std::shared_ptr<ContrastiveLoss> makeCclkLoss(const LossConfig &config);
std::shared_ptr<ContrastiveLoss> makeFareLoss(const LossConfig &config, int zDim);
std::shared_ptr<ContrastiveLoss> makeSparseFareLoss(const LossConfig &config, int zDim);

/// Mean row entropy (nats) of attention probabilities P (rows summing to 0 are skipped).
double meanRowEntropy(const torch::Tensor &P);

// NT-Xent fast path (used by InfoNCE and by Fair-InfoNCE per group).
torch::Tensor infoNceFast(const torch::Tensor &u1, const torch::Tensor &u2, double tau);
torch::Tensor infoNceReference(const torch::Tensor &u1, const torch::Tensor &u2, double tau);

/// Fused NT-Xent over U = [u1; u2] (ntxentfused.cpp): the loss and, if needGrad, dU for a unit
/// incoming gradient. False (nothing set) when its bound shift could underflow for these inputs
/// or the fused paths are switched off; the caller then takes the safe row-block path.
bool ntXentFused(const torch::Tensor &U, double tau, bool needGrad, torch::Tensor &loss,
                 torch::Tensor &dU);

} // namespace lossdetail

} // namespace equiscope
