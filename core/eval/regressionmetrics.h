#pragma once

#include "eval/summarystats.h"
#include "util/expected.h"

#include <QJsonObject>

#include <vector>

namespace equiscope {

/// Error of a regressor with D outputs (e.g. the bias_mse probe predicting a continuous or
/// vector protected attribute such as RGB colour from a frozen representation).
struct RegressionMetrics
{
    qint64 samples = 0;
    int dims = 0;
    double mse = kUndefined; ///< per-dimension MSE averaged over dimensions (bias_mse)
    double r2 = kUndefined;  ///< per-dimension R² averaged over dimensions (bias_r2)
    std::vector<double> msePerDim;
    std::vector<double> r2PerDim;

    /// {"bias_mse", "bias_r2", "samples", "dims", "mse_per_dim", "r2_per_dim"}.
    QJsonObject toJson() const;
};

/// MSE and R² = 1 − SS_res/SS_tot of row-major N×D @p predictions against @p targets.
/// A constant target dimension (SS_tot = 0) has R² 1 when predicted exactly, else 0 (as
/// scikit-learn's r2_score). Fails when the sizes disagree or are not a multiple of @p dims;
/// with N = 0 every number is NaN.
Expected<RegressionMetrics> regressionMetrics(const std::vector<float> &predictions,
                                              const std::vector<float> &targets, int dims);

} // namespace equiscope
