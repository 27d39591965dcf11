#include "democommand.h"

#include "clioutput.h"

#include "data/coloredmnist.h"
#include "data/datasetpreview.h"
#include "data/datasetreader.h"
#include "data/datasetsummary.h"
#include "data/groupassignment.h"
#include "util/environment.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>

namespace equiscope::cli {

QString versionText()
{
    configureTorchThreads();
    return environmentInfo().toText();
}

int runDemoCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("The headless main job on Colored Fashion-MNIST."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("demo"), QStringLiteral("Command."));
    p.addOption({QStringLiteral("out"), QStringLiteral("Folder for the demo's outputs (default: the user's data folder)."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("rho"), QStringLiteral("Class–colour correlation (default 0)."), QStringLiteral("R"), QStringLiteral("0")});
    p.process(arguments);
    QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty())
        out = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/equiscope/demo");
    QDir().mkpath(out);

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
    printOut(QStringLiteral("\n== Colored Fashion-MNIST opened in %1 s ==\n").arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2));
    printOut(datasetSummaryText(ds.value()));

    GroupOptions g;
    g.sensitive = {QStringLiteral("color")};
    auto groups = assignGroups(ds->attributes, g, ds->name);
    if (!groups)
        return fail(groups.error().toString());
    printOut(QStringLiteral("\nsensitive groups (color): %1 groups, %2 too small to judge\n")
                 .arg(groups->groupCount()).arg(groups->tooSmallCount()));
    const QString grid = out + QStringLiteral("/colored-fashion-mnist-preview.png");
    PreviewOptions po;
    po.attributes = {QStringLiteral("label"), QStringLiteral("color")};
    if (!renderPreviewGrid(ds.value(), po).save(grid))
        return fail(QStringLiteral("%1: cannot write the preview").arg(grid));
    printOut(QStringLiteral("preview grid: %1\n").arg(grid));
    return 0;
}

} // namespace equiscope::cli
