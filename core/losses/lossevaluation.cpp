#include "losses/lossevaluation.h"

#include "losses/contrastiveloss_p.h"
#include "losses/fusedsupport_p.h"
#include "util/torchdevice_p.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace equiscope {

namespace {

torch::Tensor toTensor(const NpyMatrix &m, torch::Dtype dtype)
{
    // The arrays are host memory; the caller moves the tensor to the device of the run.
    const auto host = torch::TensorOptions().dtype(torch::kFloat).device(torch::kCPU);
    return torch::from_blob(const_cast<float *>(m.values.data()), {m.rows, m.cols}, host)
        .to(dtype)
        .clone();
}

DataError shapeError(const QString &what, const QString &expected, const QString &found)
{
    DataError e;
    e.file = what;
    e.expected = expected;
    e.found = found;
    return e;
}

QString shape(const NpyMatrix &m)
{
    return QStringLiteral("%1 x %2").arg(m.rows).arg(m.cols);
}

/// The first value of @p m that is not finite, as "row r, column c (nan)", or empty.
QString firstNonFinite(const NpyMatrix &m)
{
    for (size_t i = 0; i < m.values.size(); ++i)
        if (!std::isfinite(m.values[i]))
            return QStringLiteral("row %1, column %2 (%3)")
                .arg(qint64(i) / std::max<qint64>(1, m.cols))
                .arg(qint64(i) % std::max<qint64>(1, m.cols))
                .arg(double(m.values[i]));
    return {};
}

} // namespace

QJsonObject LossEvaluation::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("loss"), loss);
    o.insert(QStringLiteral("gradNormU1"), gradNormU1);
    o.insert(QStringLiteral("gradNormU2"), gradNormU2);
    if (std::isfinite(attentionEntropy))
        o.insert(QStringLiteral("attentionEntropy"), attentionEntropy);
    o.insert(QStringLiteral("emptySupportRows"), emptySupportRows);
    o.insert(QStringLiteral("medianSeconds"), medianSeconds);
    QJsonArray t;
    for (double s : seconds)
        t.append(s);
    o.insert(QStringLiteral("seconds"), t);
    o.insert(QStringLiteral("threads"), threads);
    o.insert(QStringLiteral("device"), device);
    o.insert(QStringLiteral("engine"),
             fusedEngine ? QStringLiteral("fused-cpu") : QStringLiteral("device-generic"));
    return o;
}

Expected<LossEvaluation> evaluateLoss(const LossEvaluationRequest &rq)
{
    // A NaN or infinity in the inputs makes every loss NaN: say where instead.
    for (const auto &[name, m] :
         {std::pair{QStringLiteral("u1"), &rq.u1}, std::pair{QStringLiteral("u2"), &rq.u2},
          std::pair{QStringLiteral("z"), &rq.z}, std::pair{QStringLiteral("groups"), &rq.groups}})
        if (const QString where = firstNonFinite(*m); !where.isEmpty())
            return shapeError(name, QStringLiteral("finite values"), where);
    if (rq.u1.rows != rq.u2.rows || rq.u1.cols != rq.u2.cols)
        return shapeError(QStringLiteral("u2"), shape(rq.u1), shape(rq.u2));
    if (rq.z.rows != rq.u1.rows)
        return shapeError(QStringLiteral("z"), QStringLiteral("%1 rows").arg(rq.u1.rows),
                          shape(rq.z));
    if (!rq.groups.values.empty() && rq.groups.rows != rq.u1.rows)
        return shapeError(QStringLiteral("groups"), QStringLiteral("%1 rows").arg(rq.u1.rows),
                          shape(rq.groups));
    if (rq.u1.rows < 1)
        return shapeError(QStringLiteral("u1"), QStringLiteral("at least 1 row"), shape(rq.u1));

    torch::Device device(torch::kCPU);
    torch::ScalarType products = torch::kFloat;
    try {
        device = resolveTorchDevice(rq.device);
        products = precisionType(rq.precision, device);
    } catch (const std::exception &e) {
        return shapeError(QStringLiteral("device / precision"),
                          QStringLiteral("auto, cpu or cuda[:N]; fp32, bf16 or fp16"),
                          QString::fromUtf8(e.what()));
    }
    // The switch is process-wide: restored on every way out.
    struct ForceGeneric
    {
        bool before = deviceGenericForced();
        explicit ForceGeneric(bool on) { setDeviceGenericForced(before || on); }
        ~ForceGeneric() { setDeviceGenericForced(before); }
    } forceGeneric(rq.deviceGeneric);
    const torch::Dtype dtype = rq.doublePrecision ? torch::kDouble : torch::kFloat;
    const auto options = torch::TensorOptions().dtype(dtype).device(device);
    auto loss = makeContrastiveLoss(rq.config, rq.z.cols);
    loss->to(device, dtype);
    if (products != torch::kFloat)
        loss->setProductType(products);
    loss->setPath(rq.reference ? LossPath::Reference : LossPath::Fast);
    const auto norm = torch::nn::functional::NormalizeFuncOptions().dim(1);
    const torch::Tensor u1 =
        torch::nn::functional::normalize(toTensor(rq.u1, dtype).to(options), norm);
    const torch::Tensor u2 =
        torch::nn::functional::normalize(toTensor(rq.u2, dtype).to(options), norm);
    LossInputs in;
    in.z = toTensor(rq.z, dtype).to(options);
    if (!rq.groups.values.empty())
        in.groups = toTensor(rq.groups, torch::kDouble).view({-1}).round().to(device, torch::kLong);

    LossEvaluation ev;
    ev.threads = torch::get_num_threads();
    ev.device = QString::fromStdString(device.str());
    const int repeat = std::max(1, rq.repeat);
    for (int i = 0; i < repeat; ++i) {
        in.u1 = u1.clone().requires_grad_(true);
        in.u2 = u2.clone().requires_grad_(true);
        loss->zero_grad();
        QElapsedTimer timer;
        timer.start();
        LossOutput out = loss->forward(in);
        out.loss.backward();
        ev.fusedEngine = !rq.reference && lossdetail::lastPathWasFused();
        if (device.is_cuda())
            torch::cuda::synchronize(); // kernels run asynchronously: time them, not the launch
        ev.seconds.append(double(timer.nsecsElapsed()) * 1e-9);
        ev.loss = out.loss.item<double>();
        ev.gradNormU1 = in.u1.grad().norm().item<double>();
        ev.gradNormU2 = in.u2.grad().norm().item<double>();
        ev.attentionEntropy = out.attentionEntropy;
        ev.emptySupportRows = out.emptySupportRows;
    }
    QVector<double> sorted = ev.seconds;
    std::sort(sorted.begin(), sorted.end());
    ev.medianSeconds = sorted[sorted.size() / 2];
    return ev;
}

} // namespace equiscope
