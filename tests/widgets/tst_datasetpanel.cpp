// Drives the dataset panel, the import wizard and the Colored MNIST dialog offscreen, on a
// folder-csv fixture written into a temporary directory.
#include "datasets/associationheatmap.h"
#include "datasets/associationscandialog.h"
#include "datasets/attributehistogramplot.h"
#include "datasets/coloredmnistdialog.h"
#include "datasets/columntypespage.h"
#include "datasets/datasetopenpage.h"
#include "datasets/datasetpanel.h"
#include "datasets/datasetsettings.h"
#include "datasets/datasetwizard.h"
#include "datasets/thumbnailbrowser.h"
#include "datasets/thumbnailmodel.h"
#include "launch/attributepicker.h"
#include "launch/experimentpanel.h"
#include "launch/farelauncher.h"

#include "attributecsvfixture.h"
#include "enginefixtures.h"
#include "fixtures.h"
#include "widgetchecks.h"

#include "data/groupassignment.h"
#include "jobs/jobqueue.h"
#include "testsettings.h"

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
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <numeric>

using namespace equiscope;

namespace {
constexpr int kRows = fixtures::kAttributeCsvRows;
using fixtures::attributeCsvLabel;
using fixtures::attributeCsvZip;
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
    void colorizeDialogWritesDatasetThatOpens();
    void recentDatasetsReopen();
    void associationScanShowsTheColourShortcut();
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
    fixtures::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    m_csv = fixtures::writeAttributeCsvFixture(m_dir.filePath(QStringLiteral("faces")));
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
    const QString csv =
        fixtures::writeAttributeCsvFixture(m_dir.filePath(QStringLiteral("broken")), true);
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
        QCOMPARE(attributeCsvZip(int(browser->model()->sampleAt(r))), QStringLiteral("20"));
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

    // A continuous attribute is filtered by its bins, computed off the GUI thread: quartiles
    // when the launcher bins by quantiles.
    browser->setBinning(BinningMethod::Quantile, 4, 0);
    QSignalSpy changed(browser, &ThumbnailBrowser::filterChanged);
    browser->filterAttributeBox()->setCurrentIndex(
        browser->filterAttributeBox()->findData(QStringLiteral("age")));
    QVERIFY(changed.wait(10000));
    QCOMPARE(values->count(), 4);
    QCOMPARE(browser->visibleCount(), kRows);
    values->item(0)->setCheckState(Qt::Unchecked);
    QCOMPARE(browser->visibleCount(), kRows - 20);
    // The launcher's k-means binning (method, bins, seed) bins the filter again: its bins are
    // the groups a run would form.
    browser->setBinning(BinningMethod::KMeans, 3, 5);
    QVERIFY(changed.wait(10000));
    QCOMPARE(values->count(), 3);
    const Attribute binned = binAttribute(
        m_panel->dataset()->attributes.column(QStringLiteral("age")), BinningMethod::KMeans, 3, 5);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(values->item(i)->data(Qt::UserRole + 1).toString(), binned.levels()[i]);
    browser->setBinning(BinningMethod::KMeans, 4, 0); // the launcher's defaults again

    // Overlays: the values under each image, and a colour chip for the RGB vector.
    browser->setFilter(QString(), {});
    QCOMPARE(browser->visibleCount(), kRows);
    browser->setOverlayAttributes({QStringLiteral("label"), QStringLiteral("skin")});
    const QModelIndex third = browser->model()->index(3);
    QCOMPARE(third.data(ThumbnailModel::OverlayRole).toStringList().value(0), attributeCsvLabel(3));
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
    QCOMPARE(menu->actions()[0]->text(),
             QStringLiteral("&1 ") + DatasetSettings::displayName(m_panel->dataset()->spec));
}

void TestDatasetPanel::associationScanShowsTheColourShortcut()
{
    // Colour = class for every image (rho 1): the scan's first finding is that shortcut.
    const QString idx = m_dir.filePath(QStringLiteral("idx-scan"));
    fixtures::tinyColoredRun(idx, 64, 32);
    QSignalSpy opened(m_panel.get(), &DatasetPanel::datasetOpened);
    DatasetSpec spec{QStringLiteral("colored"), idx, {{QStringLiteral("rho"), 1.0}}};
    m_panel->openDataset(spec);
    QVERIFY(opened.wait(60000));
    AssociationScanDialog *dialog = m_panel->openAssociationScan();
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &AssociationScanDialog::scanFinished);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY2(dialog->findingsList()->count() > 0, qPrintable(dialog->statusLabel()->text()));
    QVERIFY2(dialog->findingsList()->item(0)->text().startsWith(
                 QStringLiteral("color predicts the target label: V = 1.00")),
             qPrintable(dialog->findingsList()->item(0)->text()));
    QCOMPARE(dialog->pairsTable()->rowCount(), 3);
    // The first finding is selected: its driving cell and a few of its images.
    QVERIFY2(dialog->cellLabel()->text().contains(QStringLiteral("expected")),
             qPrintable(dialog->cellLabel()->text()));
    QVERIFY(dialog->examplesList()->count() > 0);
    // The heatmap: three attributes, a tooltip per cell, arrow keys and Return pick a pair.
    AssociationHeatmap *map = dialog->heatmap();
    QVERIFY(map->cellText(0, 1).contains(QStringLiteral("×")));
    QSignalSpy activated(map, &AssociationHeatmap::pairActivated);
    map->setFocus();
    const QPoint before = map->currentCell();
    QTest::keyClick(map, Qt::Key_Down);
    QVERIFY(map->currentCell() != before);
    if (map->currentCell().x() == map->currentCell().y())
        QTest::keyClick(map, Qt::Key_Right);
    QTest::keyClick(map, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    const QStringList clashes = widgetchecks::mnemonicClashes(dialog, nullptr);
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    dialog->close();
}

void TestDatasetPanel::controlsAreNamedAndReachable()
{
    // Every interactive control of the panel, the picker, the wizard and the dialog takes
    // keyboard focus and has a name a screen reader can say.
    JobQueue queue;
    FareLauncher launcher(&queue);
    auto *wizard = m_panel->openWizard();
    auto *dialog = m_panel->openColoredMnistDialog();
    auto *scan = m_panel->openAssociationScan();
    QVERIFY(scan);
    const QList<QWidget *> roots{m_panel.get(), launcher.attributePicker(), wizard, dialog, scan};
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
            // edit's clear button, a tree's header, a table's corner button.
            QWidget *parent = w->parentWidget();
            const bool part =
                w->inherits("QComboBoxListView") || w->inherits("QHeaderView") ||
                w->inherits("QTableCornerButton") ||
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
