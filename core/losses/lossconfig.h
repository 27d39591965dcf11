#pragma once

#include "util/expected.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace equiscope {

/// The contrastive losses of docs/design/methods/fare.md: the two FARE variants and their three
/// baselines.
enum class LossMethod
{
    InfoNce,     ///< SimCLR NT-Xent: 2b anchors, 2b-2 negatives
    FairInfoNce, ///< InfoNCE with negatives restricted to the anchor's protected group
    Cclk,        ///< conditional contrastive learning with kernel (Tsai et al. 2022)
    Fare,        ///< fairness-aware attention over the whole batch
    SparseFare,  ///< FARE restricted to an LSH support of z, O(b * bucketSize)
};

/// "infonce", "fair-infonce", "cclk", "fare", "sparse-fare".
QString lossMethodName(LossMethod method);
/// Inverse of lossMethodName(); a DataError names the accepted spellings.
Expected<LossMethod> lossMethodFromName(const QString &name);
/// All method names, in enum order.
QStringList lossMethodNames();

/// Every option of a contrastive loss, with the defaults of docs/design/methods/fare.md. The JSON
/// form is part of each run's reproducible spec, so every value (default or not) is written.
struct LossConfig
{
    enum class Diagonal
    {
        Mask,
        Keep
    };
    enum class NegativeScale
    {
        One,
        BatchMinusOne
    };
    enum class Support
    {
        Adjacent,
        Intra
    };
    enum class FairMode
    {
        Batch,
        Mask
    };
    enum class Kernel
    {
        Cosine,
        Rbf,
        Laplacian,
        Linear,
        Polynomial
    };

    LossMethod method = LossMethod::Fare;
    double temperature = 0.1; ///< tau in S_ij = cos / tau

    // FARE and SparseFARE
    double attentionScale = 1.0;        ///< rho in A_ij = q_i . k_j / rho
    Diagonal diagonal = Diagonal::Mask; ///< FARE only: SparseFARE always masks the diagonal
    NegativeScale negativeScale = NegativeScale::One; ///< c = 1 (paper) or b - 1 (CCLK style)
    bool symmetric = true; ///< average x->y and y->x with the same attention

    // SparseFARE
    int bucketSize = 128; ///< 32..512; n_buckets = b / bucketSize
    int hashRounds = 1;   ///< 1..8; the support is the union over rounds
    Support support = Support::Adjacent;
    std::uint64_t hashSeed = 0; ///< seeds the random rotations (round r uses hashSeed + r)

    // Fair-InfoNCE
    FairMode fairMode = FairMode::Batch;
    int bins = 10; ///< K of the k-means binning of continuous z

    // CCLK
    Kernel kernel = Kernel::Cosine;
    double bandwidth = 1.0; ///< the kernels see z / bandwidth (RBF, Laplacian, linear, poly)
    double lambda = 0.01;   ///< ridge of (K_Z + lambda I)^-1 K_Z
    int polynomialDegree = 3;

    QJsonObject toJson() const;
    /// Missing keys keep their defaults; unknown keys, wrong types, unknown option values and
    /// out-of-range numbers are errors that name the key, what is accepted and what was found.
    static Expected<LossConfig> fromJson(const QJsonObject &json);
    /// Sets one option from text, as given on a command line ("diagonal" = "keep"); the key
    /// names are the JSON keys. Returns the changed config or an error.
    Expected<LossConfig> withOption(const QString &key, const QString &value) const;
};

QString diagonalName(LossConfig::Diagonal v);
QString negativeScaleName(LossConfig::NegativeScale v);
QString supportName(LossConfig::Support v);
QString fairModeName(LossConfig::FairMode v);
QString kernelName(LossConfig::Kernel v);

} // namespace equiscope
