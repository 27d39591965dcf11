#include "democommand.h"

#include "clioutput.h"
#include "jobrunner.h"

#include "data/coloredmnist.h"
#include "data/datasetpreview.h"
#include "data/datasetreader.h"
#include "data/datasetsummary.h"
#include "data/groupassignment.h"
#include "fare/fareconfig.h"
#include "fare/farejob.h"
#include "store/runstore.h"
#include "util/environment.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QStandardPaths>

namespace equiscope::cli {

namespace {

QString cell(const QJsonObject &result, const QString &key, int decimals)
{
    const QJsonValue v = result.value(key);
    return v.isDouble() ? QString::number(v.toDouble(), 'f', decimals) : QStringLiteral("—");
}

/// The per-group probe accuracy of a run's evaluation, "group: acc (n)" joined.
QString groupAccuracies(const QJsonObject &result)
{
    QStringList parts;
    const QJsonArray groups = result.value(QStringLiteral("groupMetrics"))
                                  .toObject()
                                  .value(QStringLiteral("groups"))
                                  .toArray();
    for (const QJsonValue &g : groups) {
        const QJsonObject o = g.toObject();
        const QJsonObject acc = o.value(QStringLiteral("metrics"))
                                    .toObject()
                                    .value(QStringLiteral("accuracy"))
                                    .toObject();
        if (!acc.contains(QStringLiteral("value")))
            continue;
        parts << QStringLiteral("%1 %2").arg(
            o.value(QStringLiteral("label")).toString(),
            QString::number(acc.value(QStringLiteral("value")).toDouble(), 'f', 3));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString versionText()
{
    configureTorchThreads();
    return environmentInfo().toText();
}

int runDemoCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "The headless main job: opens Colored Fashion-MNIST, trains FARE and its SimCLR baseline "
        "(InfoNCE) briefly, evaluates both and prints the comparison."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("demo"), QStringLiteral("Command."));
    p.addOption({QStringLiteral("out"),
                 QStringLiteral("Folder for the demo's outputs (default: the user's data folder)."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("store"),
                 QStringLiteral("Run store for the demo's runs (default: the user's store, so the "
                                "GUI shows them)."),
                 QStringLiteral("PATH")});
    p.addOption({QStringLiteral("rho"), QStringLiteral("Class–colour correlation (default 0)."),
                 QStringLiteral("R"), QStringLiteral("0")});
    p.addOption({QStringLiteral("epochs"), QStringLiteral("Epochs per run (default 2)."),
                 QStringLiteral("N"), QStringLiteral("2")});
    p.addOption({QStringLiteral("train-limit"),
                 QStringLiteral("Training images per run (default 10000)."), QStringLiteral("N"),
                 QStringLiteral("10000")});
    p.addOption(
        {QStringLiteral("no-train"), QStringLiteral("Only open and summarise the dataset.")});
    parseOrExit(p, arguments);
    QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty())
        out = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
              QStringLiteral("/equiscope/demo");
    QDir().mkpath(out);
    const QString storePath =
        p.isSet(QStringLiteral("store")) ? p.value(QStringLiteral("store")) : defaultStorePath();

    printOut(versionText());
    QElapsedTimer timer;
    timer.start();
    DatasetSpec spec;
    spec.format = QStringLiteral("colored");
    spec.path = debianFashionMnistPath();
    spec.options.insert(QStringLiteral("rho"), p.value(QStringLiteral("rho")).toDouble());
    auto ds = openDataset(spec);
    if (!ds)
        return fail(ds.error().toString());
    printOut(QStringLiteral("\n== Colored Fashion-MNIST opened in %1 s ==\n")
                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2));
    printOut(datasetSummaryText(ds.value()));

    GroupOptions g;
    g.sensitive = {QStringLiteral("color")};
    auto groups = assignGroups(ds->attributes, g, ds->name);
    if (!groups)
        return fail(groups.error().toString());
    printOut(QStringLiteral("\nsensitive groups (color): %1 groups, %2 too small to judge\n")
                 .arg(groups->groupCount())
                 .arg(groups->tooSmallCount()));
    const QString grid = out + QStringLiteral("/colored-fashion-mnist-preview.png");
    PreviewOptions po;
    po.attributes = {QStringLiteral("label"), QStringLiteral("color")};
    if (!renderPreviewGrid(ds.value(), po).save(grid))
        return fail(QStringLiteral("%1: cannot write the preview").arg(grid));
    printOut(QStringLiteral("preview grid: %1\n").arg(grid));
    if (p.isSet(QStringLiteral("no-train")))
        return 0;

    // The main job: FARE against its unfair baseline, same budget, same seed.
    struct Row
    {
        QString method, runId;
        QJsonObject result;
        double seconds = 0;
    };
    QList<Row> rows;
    for (const LossMethod method : {LossMethod::InfoNce, LossMethod::Fare}) {
        FareConfig config = FareConfig::coloredFashionMnistDefault();
        config.loss = LossConfig();
        config.loss.method = method;
        config.dataset = spec;
        config.epochs = p.value(QStringLiteral("epochs")).toInt();
        config.trainLimit = p.value(QStringLiteral("train-limit")).toLongLong();
        config.probeTrainLimit = 5000;
        config.testLimit = 5000;
        config.warmupEpochs = config.epochs > 1 ? 1 : 0;
        config.name =
            QStringLiteral("demo: %1 on Colored Fashion-MNIST").arg(lossMethodName(method));
        auto valid = config.validate();
        if (!valid)
            return fail(valid.error().toString(), 2);
        printOut(QStringLiteral("\n== training %1: %2 epochs on %3 images ==\n")
                     .arg(lossMethodName(method))
                     .arg(config.epochs)
                     .arg(config.trainLimit));
        timer.restart();
        FareJob job(config, storePath);
        const int code = runJobInTerminal(&job, storePath, false);
        if (code != 0)
            return code;
        rows.append({lossMethodName(method), job.runId(), job.result(), timer.elapsed() / 1000.0});
    }

    printOut(QStringLiteral("\n== what it did (store %1) ==\n").arg(storePath));
    printOut(QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                 .arg(QStringLiteral("method"), -10)
                 .arg(QStringLiteral("accuracy"), 8)
                 .arg(QStringLiteral("bias_mse"), 8)
                 .arg(QStringLiteral("bias_r2"), 7)
                 .arg(QStringLiteral("time"), 6)
                 .arg(QStringLiteral("run")));
    for (const Row &r : rows)
        printOut(QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                     .arg(r.method, -10)
                     .arg(cell(r.result, QStringLiteral("accuracy"), 4), 8)
                     .arg(cell(r.result, QStringLiteral("bias_mse"), 1), 8)
                     .arg(cell(r.result, QStringLiteral("bias_r2"), 3), 7)
                     .arg(QStringLiteral("%1 s").arg(r.seconds, 0, 'f', 0), 6)
                     .arg(r.runId));
    for (const Row &r : rows) {
        const QString perGroup = groupAccuracies(r.result);
        if (!perGroup.isEmpty())
            printOut(QStringLiteral("%1 accuracy per colour group: %2\n").arg(r.method, perGroup));
    }
    printOut(
        QStringLiteral(
            "\nbias_mse: test MSE of a linear regressor from the representation to the RGB colour "
            "(higher = less colour left = fairer).\nOpen the runs in the workbench (equiscope) or "
            "list them with: equiscope-cli runs list --store %1\n")
            .arg(storePath));
    return 0;
}

} // namespace equiscope::cli
