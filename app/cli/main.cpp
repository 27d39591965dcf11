// equiscope-cli: everything the GUI does, headless. Subcommands dispatch to one file each.
#include "auditcommand.h"
#include "bundlecommands.h"
#include "clioutput.h"
#include "clustercommand.h"
#include "datasetscommand.h"
#include "democommand.h"
#include "losscommand.h"
#include "methodscommand.h"
#include "modelcommands.h"
#include "plotcommand.h"
#include "reportcommand.h"
#include "runscommand.h"
#include "sweepcommand.h"
#include "traincommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

using namespace equiscope::cli;

namespace {
const char *kUsage =
    "usage: equiscope-cli <command> [options]\n"
    "\n"
    "commands:\n"
    "  datasets inspect --format FORMAT PATH [--json]   sizes, splits, attribute types and counts\n"
    "  datasets colorize --source fashion-mnist|mnist --out DIR [--rho R] [--seed S]\n"
    "  datasets preview --format FORMAT PATH --out grid.png\n"
    "  datasets scan --format FORMAT PATH [--target T] [--json]   associations between every "
    "pair\n"
    "        of attributes, with p-values corrected for the number of pairs\n"
    "  loss --method NAME --u1 A.npy --u2 B.npy --z Z.npy [--json] [--reference] [--repeat N]\n"
    "  demo                                             the headless main job on Colored "
    "Fashion-MNIST\n"
    "  train [--config run.json] [--method M] [--dataset P --format F] [--target T] [--sensitive "
    "S]\n"
    "        [--epochs N] [--batch N] [--seed S] [--store PATH] ...   train a run, JSON summary on "
    "stdout\n"
    "  train --method fair-ssl|simclr|supcon|supervised-ce [stage options]   the fair SSL "
    "pipeline\n"
    "  cluster --features F.bin --labels L.meta [--groups G.txt] [--method M] --out DIR\n"
    "        | cluster --from-run RUN [--views V] --out DIR   fair clustering, pred_labels.txt + "
    "metrics.json\n"
    "  runs resume RUN [--store PATH]                   continue an interrupted or cancelled run\n"
    "  runs leakage RUN [--baseline RUN]               each attribute read off the run's "
    "representation\n"
    "  runs scan RUN [--scan-metric error|fnr|fpr|selection]   the subgroups the run's test "
    "predictions serve worst\n"
    "  runs list [--store PATH] [--json]                the runs of a run store, newest first\n"
    "  runs show RUN [--json]                           config, status, epochs and final metrics\n"
    "  runs delete RUN                                  delete a run and its artifacts\n"
    "  runs merge A.sqlite B.sqlite... --into C.sqlite  fold sweep stores into one\n"
    "  sweep create --config run.json --grid KEY=V1,V2 [--seeds S1,S2] --out DIR   a sweep as "
    "files\n"
    "  sweep run DIR --local N | --slurm [--partition P] [--time T] [--nodes N]   run its "
    "points\n"
    "  sweep status DIR [--json]                        each point's state (and Slurm's)\n"
    "  sweep collect DIR [--into STORE]                 merge the points' stores into one\n"
    "  sweep task DIR INDEX                             one point (what a Slurm array task "
    "runs)\n"
    "  runs export --format csv [--out FILE]            metrics of every run as CSV\n"
    "  plot curves|pareto --metric M | --x M --y M --out F.png   figures of a store's runs\n"
    "  report RUN... --format html|pdf --out FILE       report of one run or a comparison\n"
    "  export-model RUN --out DIR                       weights, TorchScript and ONNX encoder, "
    "config, card\n"
    "  evaluate-model DIR --dataset P --format F        evaluate an exported model on another "
    "dataset\n"
    "  export-embeddings RUN --split test --out DIR     representations (NPY, CSV) and probe "
    "predictions\n"
    "  audit PREDICTIONS.csv --label C --pred C --group C...   group metrics of any model's "
    "predictions\n"
    "  audit PREDICTIONS.csv --label C --pred C --scan [--group C...]   the subgroups it serves "
    "worst\n"
    "  bundle RUN --out FILE.eqbundle                   one file that replays the run\n"
    "  replay BUNDLE                                    retrain a bundle and check its metrics\n"
    "  methods [--json]                                 method families, their methods and "
    "options\n"
    "  version                                          versions of Equiscope and its libraries\n"
    "\n"
    "Run 'equiscope-cli <command> [<subcommand>] --help' for the options of a command.\n"
    "\n";
}

int main(int argc, char *argv[])
{
    // Reports paint text (PDF, chart images): those commands get a QGuiApplication, on the
    // offscreen platform unless the user chose one.
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const bool needsFonts = first == QLatin1String("report") || first == QLatin1String("audit") ||
                            first == QLatin1String("plot");
    if (needsFonts && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (needsFonts && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        // What Qt would pick, made beforehand so that it does not warn about it.
        const QByteArray dir = QDir::tempPath().toLocal8Bit() + "/runtime-" + qgetenv("USER");
        if (QDir().mkpath(QString::fromLocal8Bit(dir)) &&
            QFile::setPermissions(QString::fromLocal8Bit(dir),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", dir);
    }
    std::unique_ptr<QCoreApplication> application(needsFonts ? new QGuiApplication(argc, argv)
                                                             : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("equiscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("equiscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EQUISCOPE_VERSION));
    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        std::FILE *out = command.isEmpty() ? stderr : stdout;
        std::fputs(kUsage, out);
        std::fputs(exitCodesHelp().toUtf8().constData(), out);
        return command.isEmpty() ? kExitUsage : 0;
    }
    if (command == QLatin1String("datasets"))
        return runDatasetsCommand(args);
    if (command == QLatin1String("train"))
        return runTrainCommand(args);
    if (command == QLatin1String("cluster"))
        return runClusterCommand(args);
    if (command == QLatin1String("runs"))
        return runRunsCommand(args);
    if (command == QLatin1String("sweep"))
        return runSweepCommand(args);
    if (command == QLatin1String("plot"))
        return runPlotCommand(args);
    if (command == QLatin1String("loss"))
        return runLossCommand(args);
    if (command == QLatin1String("report"))
        return runReportCommand(args);
    if (command == QLatin1String("export-model"))
        return runExportModelCommand(args);
    if (command == QLatin1String("evaluate-model"))
        return runEvaluateModelCommand(args);
    if (command == QLatin1String("export-embeddings"))
        return runExportEmbeddingsCommand(args);
    if (command == QLatin1String("audit"))
        return runAuditCommand(args);
    if (command == QLatin1String("bundle"))
        return runBundleCommand(args);
    if (command == QLatin1String("replay"))
        return runReplayCommand(args);
    if (command == QLatin1String("demo"))
        return runDemoCommand(args);
    if (command == QLatin1String("methods"))
        return runMethodsCommand(args);
    if (command == QLatin1String("version") || command == QLatin1String("--version")) {
        printOut(versionText());
        return 0;
    }
    std::fputs(kUsage, stderr);
    return fail(QStringLiteral("unknown command '%1'").arg(command), kExitUsage);
}
