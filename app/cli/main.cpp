// equiscope-cli: everything the GUI does, headless. Subcommands dispatch to one file each.
#include "clioutput.h"
#include "clustercommand.h"
#include "datasetscommand.h"
#include "democommand.h"
#include "runscommand.h"
#include "losscommand.h"
#include "traincommand.h"

#include <QCoreApplication>

#include <cstdio>

using namespace equiscope::cli;

namespace {
const char *kUsage =
    "usage: equiscope-cli <command> [options]\n"
    "\n"
    "commands:\n"
    "  datasets inspect --format FORMAT PATH [--json]   sizes, splits, attribute types and counts\n"
    "  datasets colorize --source fashion-mnist|mnist --out DIR [--rho R] [--seed S]\n"
    "  datasets preview --format FORMAT PATH --out grid.png\n"
    "  loss --method NAME --u1 A.npy --u2 B.npy --z Z.npy [--json] [--reference] [--repeat N]\n"
    "  demo                                             the headless main job on Colored Fashion-MNIST\n"
    "  train [--config run.json] [--method M] [--dataset P --format F] [--target T] [--sensitive S]\n"
    "        [--epochs N] [--batch N] [--seed S] [--store PATH] ...   train a run, JSON summary on stdout\n"
    "  cluster --features F.bin --labels L.meta [--groups G.txt] [--method M] --out DIR\n"
    "        | cluster --from-run RUN [--views V] --out DIR   fair clustering, pred_labels.txt + metrics.json\n"
    "  runs resume RUN [--store PATH]                   continue an interrupted or cancelled run\n"
    "  runs list [--store PATH] [--json]                the runs of a run store, newest first\n"
    "  runs show RUN [--json]                           config, status, epochs and final metrics\n"
    "  runs delete RUN                                  delete a run and its artifacts\n"
    "  runs merge A.sqlite B.sqlite... --into C.sqlite  fold sweep stores into one\n"
    "  runs export --format csv [--out FILE]            metrics of every run as CSV\n"
    "  version                                          versions of Equiscope and its libraries\n"
    "\n"
    "Run 'equiscope-cli <command> [<subcommand>] --help' for the options of a command.\n";
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("equiscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("equiscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EQUISCOPE_VERSION));
    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        std::fputs(kUsage, command.isEmpty() ? stderr : stdout);
        return command.isEmpty() ? 2 : 0;
    }
    if (command == QLatin1String("datasets"))
        return runDatasetsCommand(args);
    if (command == QLatin1String("train"))
        return runTrainCommand(args);
    if (command == QLatin1String("cluster"))
        return runClusterCommand(args);
    if (command == QLatin1String("runs"))
        return runRunsCommand(args);
    if (command == QLatin1String("loss"))
        return runLossCommand(args);
    if (command == QLatin1String("demo"))
        return runDemoCommand(args);
    if (command == QLatin1String("version") || command == QLatin1String("--version")) {
        printOut(versionText());
        return 0;
    }
    std::fputs(kUsage, stderr);
    return fail(QStringLiteral("unknown command '%1'").arg(command), 2);
}
