// Drives the dataset panel, the import wizard, the attribute picker and the Colored MNIST
// dialog offscreen, on a folder-csv fixture written into a temporary directory.
#include "attributehistogramplot.h"
#include "attributepicker.h"
#include "coloredmnistdialog.h"
#include "columntypespage.h"
#include "datasetopenpage.h"
#include "datasetpanel.h"
#include "datasetsettings.h"
#include "datasetwizard.h"
#include "experimentpanel.h"
#include "thumbnailbrowser.h"
#include "thumbnailmodel.h"

#include "enginefixtures.h"
#include "fixtures.h"

#include "data/groupassignment.h"
#include "jobs/jobqueue.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <numeric>

using namespace equiscope;

namespace {

constexpr int kRows = 80;

// The fixture's attributes as functions of the row, so the tests count independently.
QString labelOf(int i)
{
    return i % 2 ? QStringLiteral("shoe") : QStringLiteral("shirt");
}
QString genderOf(int i)
{
    return i < 50 ? QStringLiteral("F") : QStringLiteral("M");
}
QString zipOf(int i)
{
    return i < 70 ? QStringLiteral("10") : i < 77 ? QStringLiteral("20") : QStringLiteral("30");
}

/// images/img_NN.png + attributes.csv with: label (binary), gender (binary), zip (numeric codes
/// the reader infers as continuous; they are categories), age (continuous), skin (RGB vector)
/// and site (a single level).
QString writeFolderCsvFixture(const QString &root, bool missingImage = false)
{
    QStringList lines{QStringLiteral("file,label,gender,zip,age,skin,site")};
    for (int i = 0; i < kRows; ++i) {
        const QString file = QStringLiteral("images/img_%1.png").arg(i, 2, 10, QLatin1Char('0'));
        if (!(missingImage && i == 5))
            fixtures::writeSyntheticImage(root + QLatin1Char('/') + file, 16, 16, unsigned(i + 1));
        lines << QStringLiteral("%1,%2,%3,%4,%5,%6;%7;100,A")
                     .arg(file, labelOf(i), genderOf(i), zipOf(i))
                     .arg(i)
                     .arg(3 * i)
                     .arg(255 - 3 * i);
    }
    const QString csv = root + QStringLiteral("/attributes.csv");
    fixtures::writeFile(csv, (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    return csv;
}

} // namespace

class TestDatasetPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wizardOpensFolderCsvWithTypeOverride();
    void wizardShowsReaderErrorInline();
    void filtersThumbnailsByValue();
    void histogramHasLevelCounts();
    void tinyLevelsAreFlagged();
    void pickerGroupsMatchCore();
    void pickerPreviewFollowsBinning();
    void launcherTakesPickerChoices();
    void colorizeDialogWritesDatasetThatOpens();
    void recentDatasetsReopen();
    void controlsAreNamedAndReachable();

private:
    std::unique_ptr<Dataset> openThroughWizard(const QString &csv);

    QTemporaryDir m_dir;
    QString m_csv;
    std::unique_ptr<DatasetPanel> m_panel;
};

void TestDatasetPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    // Recent datasets go to a settings file of this run, not the user's.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("equiscope-tests"));
    DatasetSettings().clearRecentDatasets();
    m_csv = writeFolderCsvFixture(m_dir.filePath(QStringLiteral("faces")));
    m_panel = std::make_unique<DatasetPanel>();
    m_panel->resize(1100, 700);
    m_panel->show();
}

void TestDatasetPanel::wizardOpensFolderCsvWithTypeOverride()
{
    DatasetWizard *wizard = m_panel->openWizard();
    QVERIFY(wizard->isVisible());
    wizard->formatPage()->setFormat(QStringLiteral("folder-csv"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DatasetWizard::LocationPageId));
    LocationPage *location = wizard->locationPage();
    location->setPath(m_dir.filePath(QStringLiteral("nope.csv")));
    QVERIFY(!location->isComplete());
    QVERIFY(location->pathProblem().contains(QStringLiteral("no such file")));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    location->setPath(m_csv);
    QVERIFY2(location->isComplete(), qPrintable(location->pathProblem()));

    ColumnTypesPage *types = wizard->columnTypesPage();
    QSignalSpy inspected(types, &ColumnTypesPage::inspected);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DatasetWizard::ColumnTypesPageId));
    QVERIFY(inspected.wait(20000));
    QCOMPARE(types->columnTable()->topLevelItemCount(), 6);
    QCOMPARE(types->columnType(QStringLiteral("label")), AttributeType::Binary);
    QCOMPARE(types->columnType(QStringLiteral("zip")), AttributeType::Continuous);
    QCOMPARE(types->columnType(QStringLiteral("age")), AttributeType::Continuous);
    QCOMPARE(types->columnType(QStringLiteral("skin")), AttributeType::Vector);
    QCOMPARE(types->columnType(QStringLiteral("site")), AttributeType::Categorical);

    // An override the cells cannot satisfy: the reader's own error, inline, and no Next.
    QVERIFY(types->setColumnType(QStringLiteral("label"), AttributeType::Continuous));
    QVERIFY(!types->isComplete());
    QVERIFY2(types->problem().contains(QStringLiteral("attributes.csv:2")) &&
                 types->problem().contains(QStringLiteral("'label'")) &&
                 types->problem().contains(QStringLiteral("a number")),
             qPrintable(types->problem()));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(types->setColumnType(QStringLiteral("label"), AttributeType::Binary));
    QVERIFY(types->isComplete());

    // The override through the page's own combo, as a person does it (select, choose).
    for (int i = 0; i < types->columnTable()->topLevelItemCount(); ++i)
        if (types->columnTable()->topLevelItem(i)->text(0) == QLatin1String("zip"))
            types->columnTable()->setCurrentItem(types->columnTable()->topLevelItem(i));
    QVERIFY(types->typeBox()->isEnabled());
    const int categorical = types->typeBox()->findData(int(AttributeType::Categorical));
    types->typeBox()->setCurrentIndex(categorical);
    Q_EMIT types->typeBox()->activated(categorical);
    QCOMPARE(types->columnType(QStringLiteral("zip")), AttributeType::Categorical);
    QCOMPARE(types->overrides(),
             (QVariantMap{{QStringLiteral("zip"), QStringLiteral("categorical")}}));
    QVERIFY(types->isComplete());

    QSignalSpy opened(wizard, &DatasetWizard::datasetOpened);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(DatasetWizard::OpenPageId));
    QVERIFY(opened.wait(60000));
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    QSignalSpy panelOpened(m_panel.get(), &DatasetPanel::datasetOpened);
    wizard->button(QWizard::FinishButton)->click();
    QCOMPARE(panelOpened.count(), 1);

    const Dataset *ds = m_panel->dataset();
    QVERIFY(ds);
    QCOMPARE(ds->size, qint64(kRows));
    QCOMPARE(ds->attributes.column(QStringLiteral("zip")).type(), AttributeType::Categorical);
    QCOMPARE(ds->attributes.column(QStringLiteral("zip")).levels(),
             (QStringList{QStringLiteral("10"), QStringLiteral("20"), QStringLiteral("30")}));
    QCOMPARE(ds->spec.options.value(QStringLiteral("types")).toMap().value(QStringLiteral("zip")),
             QVariant(QStringLiteral("categorical")));
    // Remembered with its override, so a recent entry reopens it the same way.
    const QList<DatasetSpec> recent = DatasetSettings().recentDatasets();
    QVERIFY(!recent.isEmpty());
    QCOMPARE(recent.first().path, m_csv);
    QCOMPARE(recent.first().options.value(QStringLiteral("types")).toMap(),
             ds->spec.options.value(QStringLiteral("types")).toMap());
}

void TestDatasetPanel::wizardShowsReaderErrorInline()
{
    const QString csv = writeFolderCsvFixture(m_dir.filePath(QStringLiteral("broken")), true);
    DatasetWizard wizard;
    wizard.show();
    wizard.formatPage()->setFormat(QStringLiteral("folder-csv"));
    wizard.next();
    wizard.locationPage()->setPath(csv);
    QSignalSpy inspected(wizard.columnTypesPage(), &ColumnTypesPage::inspected);
    wizard.next();
    QVERIFY(inspected.wait(20000));
    QSignalSpy failed(&wizard, &DatasetWizard::openFailed);
    wizard.next();
    QVERIFY(failed.wait(60000));
    const QString error = wizard.openPage()->error();
    // The row of the missing image (line 7: header + rows 0…5), its column and the file.
    QVERIFY2(error.contains(QStringLiteral("attributes.csv:7")) &&
                 error.contains(QStringLiteral("img_05.png")),
             qPrintable(error));
    QVERIFY(!wizard.openPage()->isComplete());
    QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    const QList<QLabel *> labels = wizard.openPage()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
        return l->isVisible() && l->text().contains(QStringLiteral("img_05.png"));
    }));
}

void TestDatasetPanel::filtersThumbnailsByValue()
{
    ThumbnailBrowser *browser = m_panel->thumbnails();
    QCOMPARE(browser->visibleCount(), kRows);
    QCOMPARE(browser->countLabel()->text(), QStringLiteral("%1 images").arg(kRows));

    browser->setFilter(QStringLiteral("zip"), {QStringLiteral("20")});
    QCOMPARE(browser->visibleCount(), 7);
    QVERIFY2(browser->countLabel()->text().contains(QStringLiteral("Showing 7 of 80")),
             qPrintable(browser->countLabel()->text()));
    for (int r = 0; r < browser->visibleCount(); ++r)
        QCOMPARE(zipOf(int(browser->model()->sampleAt(r))), QStringLiteral("20"));
    browser->setFilter(QStringLiteral("zip"), {QStringLiteral("20"), QStringLiteral("30")});
    QCOMPARE(browser->visibleCount(), 10);

    // Through the widgets: choose the attribute, untick a value.
    browser->filterAttributeBox()->setCurrentIndex(
        browser->filterAttributeBox()->findData(QStringLiteral("gender")));
    QListWidget *values = browser->filterValueList();
    QCOMPARE(values->count(), 2);
    QCOMPARE(values->item(1)->text(), QStringLiteral("M (30)"));
    values->item(1)->setCheckState(Qt::Unchecked);
    QCOMPARE(browser->visibleCount(), 50);
    QCOMPARE(browser->checkedLevels(), QStringList{QStringLiteral("F")});

    // A continuous attribute is filtered by its quartile bins, computed off the GUI thread.
    QSignalSpy changed(browser, &ThumbnailBrowser::filterChanged);
    browser->filterAttributeBox()->setCurrentIndex(
        browser->filterAttributeBox()->findData(QStringLiteral("age")));
    QVERIFY(changed.wait(10000));
    QCOMPARE(values->count(), 4);
    QCOMPARE(browser->visibleCount(), kRows);
    values->item(0)->setCheckState(Qt::Unchecked);
    QCOMPARE(browser->visibleCount(), kRows - 20);

    // Overlays: the values under each image, and a colour chip for the RGB vector.
    browser->setFilter(QString(), {});
    QCOMPARE(browser->visibleCount(), kRows);
    browser->setOverlayAttributes({QStringLiteral("label"), QStringLiteral("skin")});
    const QModelIndex third = browser->model()->index(3);
    QCOMPARE(third.data(ThumbnailModel::OverlayRole).toStringList().value(0), labelOf(3));
    QCOMPARE(third.data(ThumbnailModel::ChipRole).toList().value(1).value<QColor>(),
             QColor(9, 246, 100));
    QVERIFY(!third.data(Qt::DecorationRole).value<QPixmap>().isNull());
    QVERIFY(third.data(Qt::ToolTipRole).toString().contains(QStringLiteral("img_03.png")));
}

void TestDatasetPanel::histogramHasLevelCounts()
{
    AttributeHistogramPlot *plot = m_panel->histogramPlot();
    QVERIFY(m_panel->selectAttribute(QStringLiteral("zip")));
    QCOMPARE(plot->attributeName(), QStringLiteral("zip"));
    QCOMPARE(plot->barHeights(), (QVector<double>{70, 7, 3}));
    QVERIFY(m_panel->selectAttribute(QStringLiteral("gender")));
    QCOMPARE(plot->barHeights(), (QVector<double>{50, 30}));

    QVERIFY(m_panel->selectAttribute(QStringLiteral("age")));
    const QVector<double> age = plot->barHeights();
    QCOMPARE(age.size(), 24);
    QCOMPARE(std::accumulate(age.begin(), age.end(), 0.0), double(kRows));
    // 0…79 in 24 bins of width 79/24: the first bin holds 0, 1, 2 and 3.
    QCOMPARE(age.first(), 4.0);

    // A vector: one series per component over a common range.
    QVERIFY(m_panel->selectAttribute(QStringLiteral("skin")));
    QCOMPARE(plot->graphCount(), 3);
    for (int k = 0; k < 3; ++k) {
        const QVector<double> h = plot->barHeights(k);
        QCOMPARE(std::accumulate(h.begin(), h.end(), 0.0), double(kRows));
    }
    // The blue channel is constant (100): all its samples in one bin.
    const QVector<double> blue = plot->barHeights(2);
    QCOMPARE(*std::max_element(blue.begin(), blue.end()), double(kRows));

    // A dark system palette reaches the plot: axes and labels follow, the data stays.
    QPalette dark = plot->palette();
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    plot->setPalette(dark);
    QCOMPARE(plot->xAxis->tickLabelColor(), QColor(230, 230, 230));
    QCOMPARE(plot->xAxis->basePen().color(), QColor(230, 230, 230));
    QCOMPARE(plot->barHeights(2), blue);
}

void TestDatasetPanel::tinyLevelsAreFlagged()
{
    QLabel *warning = m_panel->warningLabel();
    QVERIFY(!warning->isHidden());
    // zip=20 (7) and zip=30 (3) and site has one level of 80: two levels below 30.
    QVERIFY2(warning->text().contains(QStringLiteral("as a group: 2")) &&
                 warning->text().contains(QStringLiteral("zip=20 (7)")) &&
                 warning->text().contains(QStringLiteral("zip=30 (3)")),
             qPrintable(warning->text()));
    QTreeWidget *tree = m_panel->attributeTree();
    QTreeWidgetItem *zip = tree->findItems(QStringLiteral("zip"), Qt::MatchExactly).value(0);
    QVERIFY(zip);
    QCOMPARE(zip->childCount(), 3);
    QCOMPARE(zip->child(0)->text(3), QString());
    QCOMPARE(zip->child(1)->text(3), QStringLiteral("too small to judge"));
    QCOMPARE(zip->child(2)->text(2), QStringLiteral("3"));
    // Lower the minimum: zip=20 can be judged, zip=30 still not.
    m_panel->setMinGroupSize(5);
    QVERIFY(warning->text().contains(QStringLiteral("as a group: 1")));
    QVERIFY(!warning->text().contains(QStringLiteral("zip=20")));
    m_panel->setMinGroupSize(30);
    // Activating a level filters the thumbnails to it.
    zip = tree->findItems(QStringLiteral("zip"), Qt::MatchExactly).value(0);
    Q_EMIT tree->itemActivated(zip->child(2), 0);
    QCOMPARE(m_panel->thumbnails()->visibleCount(), 3);
    m_panel->thumbnails()->setFilter(QString(), {});
}

void TestDatasetPanel::pickerGroupsMatchCore()
{
    const Dataset &ds = *m_panel->dataset();
    AttributePicker picker;
    picker.show();
    QSignalSpy updated(&picker, &AttributePicker::previewUpdated);
    picker.setAttributes(std::make_shared<const AttributeTable>(ds.attributes),
                         ds.attributes.names(), QStringLiteral("label"), {});
    QCOMPARE(picker.target(), QStringLiteral("label"));
    QCOMPARE(picker.groupTable()->topLevelItemCount(), 0);
    picker.setSensitive({QStringLiteral("gender"), QStringLiteral("zip")});
    QVERIFY(picker.isPreviewPending());
    QVERIFY(updated.wait(10000));
    QVERIFY(!picker.isPreviewPending());
    QVERIFY2(picker.previewError().isEmpty(), qPrintable(picker.previewError()));

    auto core = assignGroups(ds.attributes, picker.groupOptions());
    QVERIFY(core.ok());
    QCOMPARE(picker.groups()->groupCount(), core->groupCount());
    QTreeWidget *table = picker.groupTable();
    QCOMPARE(table->topLevelItemCount(), core->groupCount());
    for (int g = 0; g < core->groupCount(); ++g) {
        QCOMPARE(table->topLevelItem(g)->text(0), core->groups[g].label);
        QCOMPARE(table->topLevelItem(g)->text(1), QString::number(core->groups[g].size));
        QCOMPARE(table->topLevelItem(g)->text(3) == QLatin1String("too small to judge"),
                 core->groups[g].tooSmall);
    }
    // And the core agrees with counting the fixture directly: F×10, M×10, M×20, M×30.
    QHash<QString, int> expected;
    for (int i = 0; i < kRows; ++i)
        ++expected[QStringLiteral("gender=%1 × zip=%2").arg(genderOf(i), zipOf(i))];
    QCOMPARE(core->groupCount(), int(expected.size()));
    for (const Group &g : core->groups)
        QCOMPARE(g.size, qint64(expected.value(g.label)));
    QCOMPARE(core->tooSmallCount(), 3); // 20, 7 and 3 samples
    QVERIFY2(picker.summaryLabel()->text().contains(QStringLiteral("Intersection groups: 4")) &&
                 picker.summaryLabel()->text().contains(QStringLiteral("too small to judge: 3")),
             qPrintable(picker.summaryLabel()->text()));
    // Binning does not apply to two discrete attributes.
    QVERIFY(!picker.binningBox()->isEnabled());

    // A lower minimum size re-flags the groups.
    picker.setMinGroupSize(5);
    QVERIFY(updated.wait(10000));
    QCOMPARE(picker.groups()->tooSmallCount(), 1);

    // A single-level attribute makes no groups: the core's error, inline.
    picker.setSensitive({QStringLiteral("site")});
    QVERIFY(updated.wait(10000));
    QVERIFY2(picker.previewError().contains(QStringLiteral("at least 2 levels")),
             qPrintable(picker.previewError()));
    QVERIFY(!picker.groups().has_value());
}

void TestDatasetPanel::pickerPreviewFollowsBinning()
{
    const Dataset &ds = *m_panel->dataset();
    AttributePicker picker;
    QSignalSpy updated(&picker, &AttributePicker::previewUpdated);
    picker.setAttributes(std::make_shared<const AttributeTable>(ds.attributes),
                         ds.attributes.names(), QStringLiteral("label"), {QStringLiteral("age")});
    picker.setBinning(BinningMethod::Quantile);
    picker.setBins(2);
    QVERIFY(updated.wait(10000));
    QVERIFY(picker.binningBox()->isEnabled());
    auto sizes = [&picker] {
        QList<qint64> out;
        for (const Group &g : picker.groups()->groups)
            out << g.size;
        return out;
    };
    QCOMPARE(sizes(), (QList<qint64>{40, 40}));
    QVERIFY(picker.groups()->groups[0].label.startsWith(QStringLiteral("age=[0, 40)")));

    picker.binsBox()->setValue(4);
    QVERIFY(updated.wait(10000));
    QCOMPARE(sizes(), (QList<qint64>{20, 20, 20, 20}));
    QCOMPARE(picker.groupTable()->topLevelItemCount(), 4);

    picker.binningBox()->setCurrentIndex(picker.binningBox()->findData(int(BinningMethod::KMeans)));
    picker.binsBox()->setValue(3);
    QVERIFY(updated.wait(10000));
    QCOMPARE(picker.groups()->groupCount(), 3);
    QVERIFY(picker.groups()->groups[0].label.startsWith(QStringLiteral("age=cluster")));
    auto core = assignGroups(ds.attributes, picker.groupOptions());
    QVERIFY(core.ok());
    for (int g = 0; g < 3; ++g)
        QCOMPARE(picker.groups()->groups[g].size, core->groups[g].size);

    // An intersection with a binned attribute: gender × age quartiles.
    picker.setBinning(BinningMethod::Quantile);
    picker.setBins(4);
    picker.setSensitive({QStringLiteral("gender"), QStringLiteral("age")});
    QVERIFY(updated.wait(10000));
    auto both = assignGroups(ds.attributes, picker.groupOptions());
    QCOMPARE(picker.groups()->groupCount(), both->groupCount());
    QCOMPARE(picker.groups()->groupCount(), 5); // F: 3 quartiles (+10 of the third); M: 2
}

void TestDatasetPanel::launcherTakesPickerChoices()
{
    JobQueue queue;
    ExperimentPanel launcher(&queue);
    launcher.setDataset(m_panel->dataset());
    AttributePicker *picker = launcher.attributePicker();
    QCOMPARE(launcher.targetBox(), picker->targetBox());
    QCOMPARE(launcher.sensitiveList(), picker->sensitiveList());
    QSignalSpy updated(picker, &AttributePicker::previewUpdated);
    picker->setTarget(QStringLiteral("label"));
    picker->setSensitive({QStringLiteral("age")});
    picker->setBinning(BinningMethod::Quantile);
    picker->setBins(3);
    picker->setMinGroupSize(10);
    QVERIFY(updated.wait(10000));
    RunConfig c = launcher.config();
    QCOMPARE(c.sensitive, QStringList{QStringLiteral("age")});
    QCOMPARE(c.groupBinning, QStringLiteral("quantile"));
    QCOMPARE(c.groupBins, 3);
    QCOMPARE(c.minGroupSize, 10);
    // The evaluation's groups are the picker's groups.
    auto evaluated = assignGroups(m_panel->dataset()->attributes, c.groupOptions());
    QCOMPARE(evaluated->groupCount(), picker->groups()->groupCount());

    // And back: a config fills the picker.
    c.groupBinning = QStringLiteral("kmeans");
    c.groupBins = 5;
    c.minGroupSize = 12;
    c.sensitive = {QStringLiteral("gender"), QStringLiteral("zip")};
    launcher.setConfig(c);
    QCOMPARE(picker->binning(), BinningMethod::KMeans);
    QCOMPARE(picker->bins(), 5);
    QCOMPARE(picker->minGroupSize(), 12);
    QCOMPARE(picker->sensitive(), (QStringList{QStringLiteral("gender"), QStringLiteral("zip")}));
    QCOMPARE(launcher.config().toJson(), c.toJson());

    // A single-level sensitive attribute blocks the launch once the preview says so.
    picker->setSensitive({QStringLiteral("site")});
    QVERIFY(updated.wait(10000));
    QVERIFY(!launcher.launchButton()->isEnabled());
    QVERIFY(launcher.validationError().contains(QStringLiteral("at least 2 levels")));
    picker->setSensitive({QStringLiteral("gender")});
    QVERIFY(updated.wait(10000));
    QVERIFY2(launcher.validationError().isEmpty(), qPrintable(launcher.validationError()));
}

void TestDatasetPanel::colorizeDialogWritesDatasetThatOpens()
{
    const QString idx = m_dir.filePath(QStringLiteral("idx"));
    fixtures::tinyColoredRun(idx, 64, 32);
    ColoredMnistDialog *dialog = m_panel->openColoredMnistDialog();
    ColorizeRequest r;
    r.source = m_dir.filePath(QStringLiteral("no-such-source"));
    r.outDir = m_dir.filePath(QStringLiteral("colored"));
    dialog->setRequest(r);
    QVERIFY(!dialog->createButton()->isEnabled());
    QVERIFY(dialog->validationError().contains(QStringLiteral("no such folder")));
    r.source = idx;
    r.rho = 0.5;
    r.seed = 3;
    r.limit = 40;
    dialog->setRequest(r);
    QVERIFY2(dialog->createButton()->isEnabled(), qPrintable(dialog->validationError()));
    QCOMPARE(dialog->request().rho, 0.5);
    QCOMPARE(dialog->request().limit, qint64(40));

    QSignalSpy created(dialog, &ColoredMnistDialog::created);
    QSignalSpy opened(m_panel.get(), &DatasetPanel::datasetOpened);
    dialog->createButton()->click();
    QVERIFY(created.wait(120000));
    const QString csv = created.first().first().toString();
    QCOMPARE(csv, m_dir.filePath(QStringLiteral("colored/attributes.csv")));
    QVERIFY(opened.wait(60000));
    const Dataset *ds = m_panel->dataset();
    QCOMPARE(ds->spec.format, QStringLiteral("folder-csv"));
    QCOMPARE(ds->size, qint64(40));
    QVERIFY(ds->attributes.contains(QStringLiteral("color")));
    QCOMPARE(ds->attributes.column(QStringLiteral("rgb")).type(), AttributeType::Vector);
    QCOMPARE(ds->images->shape().channels, 3);
    // Opened at the source's size, not blown up to the photo default.
    QCOMPARE(ds->images->shape().width, 28);
    // 64 train + 32 test images limited to 40: the first 27 train and 13 test images.
    QCOMPARE(ds->splitCounts().value(Split::Train), qint64(27));
    QCOMPARE(ds->splitCounts().value(Split::Test), qint64(13));
    // The same colours as the core generator (the CLI's colorize) gives those images.
    auto direct = openDataset(coloredSpec(r).value());
    QVERIFY(direct.ok());
    for (qint64 i = 0; i < ds->size; ++i) {
        const qint64 source = i < 27 ? i : 64 + (i - 27);
        QCOMPARE(ds->attributes.column(QStringLiteral("color")).displayValue(i),
                 direct->attributes.column(QStringLiteral("color")).displayValue(source));
    }
    // The grid shows the colour chip of rgb under the images.
    QVERIFY(m_panel->thumbnails()->overlayAttributes().contains(QStringLiteral("rgb")));
}

void TestDatasetPanel::recentDatasetsReopen()
{
    QMenu *menu = m_panel->recentDatasetsMenu();
    QList<QAction *> actions = menu->actions();
    // The colorized dataset (newest) and the fixture opened through the wizard.
    QVERIFY(actions.size() >= 2);
    QVERIFY(actions[0]->text().contains(QStringLiteral("colored/attributes.csv")));
    QVERIFY(actions[1]->text().contains(m_csv));
    QSignalSpy opened(m_panel.get(), &DatasetPanel::datasetOpened);
    actions[1]->trigger();
    QVERIFY(opened.wait(60000));
    QCOMPARE(m_panel->dataset()->spec.path, m_csv);
    // Reopened with the zip override it was remembered with.
    QCOMPARE(m_panel->dataset()->attributes.column(QStringLiteral("zip")).type(),
             AttributeType::Categorical);
    QCOMPARE(menu->actions()[0]->text(), DatasetSettings::displayName(m_panel->dataset()->spec));
}

void TestDatasetPanel::controlsAreNamedAndReachable()
{
    // Every interactive control of the panel, the picker, the wizard and the dialog takes
    // keyboard focus and has a name a screen reader can say.
    JobQueue queue;
    ExperimentPanel launcher(&queue);
    auto *wizard = m_panel->openWizard();
    auto *dialog = m_panel->openColoredMnistDialog();
    const QList<QWidget *> roots{m_panel.get(), launcher.attributePicker(), wizard, dialog};
    int checked = 0;
    for (QWidget *root : roots) {
        for (QWidget *w : root->findChildren<QWidget *>()) {
            const bool interactive =
                qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
                qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QLineEdit *>(w) ||
                qobject_cast<QAbstractItemView *>(w);
            if (!interactive)
                continue;
            // Parts of composite controls: a combo's popup, a spin box's editor, a line
            // edit's clear button, a tree's header.
            QWidget *parent = w->parentWidget();
            const bool part =
                w->inherits("QComboBoxListView") || w->inherits("QHeaderView") ||
                (parent && (parent->inherits("QComboBox") || parent->inherits("QAbstractSpinBox") ||
                            parent->inherits("QLineEdit")));
            if (part || w->objectName().startsWith(QLatin1String("qt_")))
                continue;
            ++checked;
            // An exclusive group of radio buttons is one Tab stop; arrow keys move inside it.
            bool reachable = w->focusPolicy() & Qt::TabFocus;
            if (auto *radio = qobject_cast<QRadioButton *>(w); radio && radio->group()) {
                const QList<QAbstractButton *> group = radio->group()->buttons();
                reachable = std::any_of(group.begin(), group.end(), [](QAbstractButton *b) {
                    return b->focusPolicy() & Qt::TabFocus;
                });
            }
            QVERIFY2(reachable,
                     qPrintable(QStringLiteral("%1 '%2' takes no Tab focus")
                                    .arg(QString::fromLatin1(w->metaObject()->className()),
                                         w->accessibleName())));
            auto *button = qobject_cast<QAbstractButton *>(w);
            const bool named =
                !w->accessibleName().isEmpty() || (button && !button->text().isEmpty());
            QVERIFY2(named,
                     qPrintable(QStringLiteral("%1 in %2 has no accessible name")
                                    .arg(QString::fromLatin1(w->metaObject()->className()),
                                         QString::fromLatin1(root->metaObject()->className()))));
        }
    }
    QVERIFY(checked > 30);
    wizard->reject();
    dialog->reject();
}

QTEST_MAIN(TestDatasetPanel)
#include "tst_datasetpanel.moc"
