#include "losscommand.h"

#include "clioutput.h"

#include "data/npyfile.h"
#include "losses/lossconfig.h"
#include "losses/lossevaluation.h"
#include "util/environment.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cmath>
#include <random>

namespace equiscope::cli {

namespace {

// Dedicated flags: each is the JSON key of LossConfig, spelled in kebab case.
const QList<QPair<QString, QString>> kFlags{
    {QStringLiteral("temperature"), QStringLiteral("temperature")},
    {QStringLiteral("attention-scale"), QStringLiteral("attentionScale")},
    {QStringLiteral("diagonal"), QStringLiteral("diagonal")},
    {QStringLiteral("negative-scale"), QStringLiteral("negativeScale")},
    {QStringLiteral("symmetric"), QStringLiteral("symmetric")},
    {QStringLiteral("bucket-size"), QStringLiteral("bucketSize")},
    {QStringLiteral("hash-rounds"), QStringLiteral("hashRounds")},
    {QStringLiteral("support"), QStringLiteral("support")},
    {QStringLiteral("hash-seed"), QStringLiteral("hashSeed")},
    {QStringLiteral("fair-mode"), QStringLiteral("fairMode")},
    {QStringLiteral("bins"), QStringLiteral("bins")},
    {QStringLiteral("kernel"), QStringLiteral("kernel")},
    {QStringLiteral("bandwidth"), QStringLiteral("bandwidth")},
    {QStringLiteral("lambda"), QStringLiteral("lambda")},
};

// A synthetic batch for timing and device checks without files (scripts/gpu-check): u2 is a
// noisy copy of u1, like a second view; z is one standard-normal column. Fixed seed.
void syntheticBatch(qint64 rows, int dim, LossEvaluationRequest &rq)
{
    std::mt19937_64 rng(20261207);
    std::normal_distribution<float> normal;
    auto fill = [&](NpyMatrix &m, int cols) {
        m.rows = rows;
        m.cols = cols;
        m.values.resize(size_t(rows) * size_t(cols));
        for (float &v : m.values)
            v = normal(rng);
    };
    fill(rq.u1, dim);
    fill(rq.u2, dim);
    for (size_t i = 0; i < rq.u2.values.size(); ++i)
        rq.u2.values[i] = rq.u1.values[i] + 0.7f * rq.u2.values[i];
    fill(rq.z, 1);
}

} // namespace

int runLossCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Evaluates a contrastive loss (value, gradient norms, time) on projections "
                       "u1, u2 and protected attribute z saved as .npy (float32/float64, 2-D)."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("loss"), QStringLiteral("Command."));
    p.addOption({QStringLiteral("method"),
                 QStringLiteral("One of %1.").arg(lossMethodNames().join(QStringLiteral(", "))),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("u1"), QStringLiteral("b x d projections of view 1."),
                 QStringLiteral("A.npy")});
    p.addOption({QStringLiteral("u2"), QStringLiteral("b x d projections of view 2."),
                 QStringLiteral("B.npy")});
    p.addOption({QStringLiteral("z"), QStringLiteral("b x dz standardised protected attribute."),
                 QStringLiteral("Z.npy")});
    p.addOption({QStringLiteral("groups"), QStringLiteral("b group ids (Fair-InfoNCE mask mode)."),
                 QStringLiteral("G.npy")});
    p.addOption({QStringLiteral("option"),
                 QStringLiteral("A loss option KEY=VALUE (JSON key of the loss config), "
                                "repeatable."),
                 QStringLiteral("KEY=VALUE")});
    for (const auto &flag : kFlags)
        p.addOption({flag.first, QStringLiteral("Loss option '%1'.").arg(flag.second),
                     QStringLiteral("VALUE")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON (default: text).")});
    p.addOption({QStringLiteral("reference"),
                 QStringLiteral("Use the straightforward formula instead of the fast path.")});
    p.addOption({QStringLiteral("double"), QStringLiteral("Compute in double precision.")});
    p.addOption({QStringLiteral("random"),
                 QStringLiteral("A synthetic batch of B rows instead of --u1/--u2/--z."),
                 QStringLiteral("B")});
    p.addOption({QStringLiteral("dim"), QStringLiteral("Width d of the synthetic batch."),
                 QStringLiteral("D"), QStringLiteral("128")});
    p.addOption({QStringLiteral("device"), QStringLiteral("auto, cpu or cuda[:N]."),
                 QStringLiteral("DEVICE"), QStringLiteral("cpu")});
    p.addOption({QStringLiteral("precision"),
                 QStringLiteral("fp32, bf16 or fp16: the similarity products of the "
                                "device-generic path (fp16 needs CUDA)."),
                 QStringLiteral("P"), QStringLiteral("fp32")});
    p.addOption({QStringLiteral("device-generic"),
                 QStringLiteral("Take the device-generic path (what a GPU runs) on the CPU too.")});
    p.addOption({QStringLiteral("repeat"), QStringLiteral("Timed repetitions (median reported)."),
                 QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("Torch threads (0 = all cores)."),
                 QStringLiteral("N"), QStringLiteral("0")});
    parseOrExit(p, arguments);

    auto method = lossMethodFromName(p.value(QStringLiteral("method")));
    if (!method)
        return fail(method.error().toString(), 2);
    LossEvaluationRequest rq;
    rq.config.method = method.value();
    QStringList options = p.values(QStringLiteral("option"));
    for (const auto &flag : kFlags) {
        if (p.isSet(flag.first))
            options << flag.second + QLatin1Char('=') + p.value(flag.first);
    }
    for (const QString &kv : options) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(QStringLiteral("--option expects KEY=VALUE, found '%1'").arg(kv), 2);
        auto next = rq.config.withOption(kv.left(eq), kv.mid(eq + 1));
        if (!next)
            return fail(next.error().toString(), 2);
        rq.config = next.value();
    }
    const bool synthetic = p.isSet(QStringLiteral("random"));
    for (const char *name : {"u1", "u2", "z"}) {
        if (!synthetic && !p.isSet(QString::fromLatin1(name)))
            return fail(QStringLiteral("missing --%1").arg(QString::fromLatin1(name)), 2);
    }
    // Usage errors before any file is read.
    qint64 repeat = 0, threads = 0, rows = 0, dim = 0;
    QString error;
    if (!boundedIntOption(p, QStringLiteral("repeat"), 1, 1000, &repeat, &error) ||
        !boundedIntOption(p, QStringLiteral("threads"), 0, 1024, &threads, &error) ||
        !boundedIntOption(p, QStringLiteral("dim"), 1, 4096, &dim, &error) ||
        (synthetic && !boundedIntOption(p, QStringLiteral("random"), 1, 1 << 20, &rows, &error)))
        return fail(error, 2);
    auto read = [&](const QString &key, NpyMatrix &out) -> bool {
        auto m = readNpy(p.value(key));
        if (!m) {
            fail(m.error().toString());
            return false;
        }
        out = std::move(m.value());
        return true;
    };
    if (synthetic)
        syntheticBatch(rows, int(dim), rq);
    else if (!read(QStringLiteral("u1"), rq.u1) || !read(QStringLiteral("u2"), rq.u2) ||
             !read(QStringLiteral("z"), rq.z))
        return 1;
    if (p.isSet(QStringLiteral("groups")) && !read(QStringLiteral("groups"), rq.groups))
        return 1;
    rq.reference = p.isSet(QStringLiteral("reference"));
    rq.doublePrecision = p.isSet(QStringLiteral("double"));
    rq.repeat = int(repeat);
    rq.device = p.value(QStringLiteral("device"));
    rq.deviceGeneric = p.isSet(QStringLiteral("device-generic"));
    rq.precision = p.value(QStringLiteral("precision"));
    configureTorchThreads(int(threads));

    auto ev = evaluateLoss(rq);
    if (!ev)
        return fail(ev.error().toString());
    QJsonObject o = ev->toJson();
    o.insert(QStringLiteral("config"), rq.config.toJson());
    o.insert(QStringLiteral("path"),
             rq.reference ? QStringLiteral("reference") : QStringLiteral("fast"));
    o.insert(QStringLiteral("batch"), rq.u1.rows);
    if (p.isSet(QStringLiteral("json"))) {
        printJson(o);
    } else {
        printOut(
            QStringLiteral("%1 (%2, %7 on %8): loss %3  |dL/du1| %4  |dL/du2| %5  median %6 ms\n")
                .arg(lossMethodName(rq.config.method), o.value(QStringLiteral("path")).toString())
                .arg(ev->loss, 0, 'g', 10)
                .arg(ev->gradNormU1, 0, 'g', 6)
                .arg(ev->gradNormU2, 0, 'g', 6)
                .arg(ev->medianSeconds * 1e3, 0, 'f', 3)
                .arg(o.value(QStringLiteral("engine")).toString(), ev->device));
    }
    return 0;
}

} // namespace equiscope::cli
