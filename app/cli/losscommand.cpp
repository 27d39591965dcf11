#include "losscommand.h"

#include "clioutput.h"

#include "data/npyfile.h"
#include "losses/lossconfig.h"
#include "losses/lossevaluation.h"
#include "util/environment.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cmath>

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
    for (const char *name : {"u1", "u2", "z"}) {
        if (!p.isSet(QString::fromLatin1(name)))
            return fail(QStringLiteral("missing --%1").arg(QString::fromLatin1(name)), 2);
    }
    // Usage errors before any file is read.
    qint64 repeat = 0, threads = 0;
    QString error;
    if (!boundedIntOption(p, QStringLiteral("repeat"), 1, 1000, &repeat, &error) ||
        !boundedIntOption(p, QStringLiteral("threads"), 0, 1024, &threads, &error))
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
    if (!read(QStringLiteral("u1"), rq.u1) || !read(QStringLiteral("u2"), rq.u2) ||
        !read(QStringLiteral("z"), rq.z))
        return 1;
    if (p.isSet(QStringLiteral("groups")) && !read(QStringLiteral("groups"), rq.groups))
        return 1;
    rq.reference = p.isSet(QStringLiteral("reference"));
    rq.doublePrecision = p.isSet(QStringLiteral("double"));
    rq.repeat = int(repeat);
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
            QStringLiteral("%1 (%2): loss %3  |dL/du1| %4  |dL/du2| %5  median %6 ms\n")
                .arg(lossMethodName(rq.config.method), o.value(QStringLiteral("path")).toString())
                .arg(ev->loss, 0, 'g', 10)
                .arg(ev->gradNormU1, 0, 'g', 6)
                .arg(ev->gradNormU2, 0, 'g', 6)
                .arg(ev->medianSeconds * 1e3, 0, 'f', 3));
    }
    return 0;
}

} // namespace equiscope::cli
