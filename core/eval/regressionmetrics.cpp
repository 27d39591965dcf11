#include "eval/regressionmetrics.h"

#include <QJsonArray>

namespace equiscope {

QJsonObject RegressionMetrics::toJson() const
{
    return QJsonObject{{QStringLiteral("bias_mse"), numberToJson(mse)},
                       {QStringLiteral("bias_r2"), numberToJson(r2)},
                       {QStringLiteral("samples"), samples},
                       {QStringLiteral("dims"), dims},
                       {QStringLiteral("mse_per_dim"), numbersToJson(msePerDim)},
                       {QStringLiteral("r2_per_dim"), numbersToJson(r2PerDim)}};
}

Expected<RegressionMetrics> regressionMetrics(const std::vector<float> &predictions,
                                              const std::vector<float> &targets, int dims)
{
    DataError e;
    e.field = QStringLiteral("predictions");
    if (dims <= 0) {
        e.field = QStringLiteral("dims");
        e.expected = QStringLiteral("at least 1");
        e.found = QString::number(dims);
        return e;
    }
    if (predictions.size() != targets.size() || targets.size() % size_t(dims) != 0) {
        e.expected = QStringLiteral("as many values as the targets (%1), a multiple of %2")
                         .arg(targets.size())
                         .arg(dims);
        e.found = QString::number(predictions.size());
        return e;
    }
    RegressionMetrics m;
    m.dims = dims;
    m.samples = qint64(targets.size() / size_t(dims));
    m.msePerDim.assign(size_t(dims), kUndefined);
    m.r2PerDim.assign(size_t(dims), kUndefined);
    if (m.samples == 0)
        return m;

    const size_t n = size_t(m.samples);
    const size_t d = size_t(dims);
    std::vector<double> mean(d, 0.0), ssRes(d, 0.0), ssTot(d, 0.0);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < d; ++j)
            mean[j] += targets[i * d + j];
    for (size_t j = 0; j < d; ++j)
        mean[j] /= double(n);
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < d; ++j) {
            const double t = targets[i * d + j];
            const double r = t - double(predictions[i * d + j]);
            ssRes[j] += r * r;
            ssTot[j] += (t - mean[j]) * (t - mean[j]);
        }
    }
    double mseSum = 0, r2Sum = 0;
    for (size_t j = 0; j < d; ++j) {
        m.msePerDim[j] = ssRes[j] / double(n);
        m.r2PerDim[j] = ssTot[j] > 0 ? 1.0 - ssRes[j] / ssTot[j] : (ssRes[j] == 0 ? 1.0 : 0.0);
        mseSum += m.msePerDim[j];
        r2Sum += m.r2PerDim[j];
    }
    m.mse = mseSum / double(d);
    m.r2 = r2Sum / double(d);
    return m;
}

} // namespace equiscope
