// Drives the attribute picker offscreen, alone and inside the launcher, on the folder-csv
// fixture: the live group preview against the core's assignGroups, binning, and the run config.
#include "launch/attributepicker.h"
#include "launch/experimentpanel.h"
#include "launch/farelauncher.h"

#include "attributecsvfixture.h"

#include "data/datasetreader.h"
#include "data/groupassignment.h"
#include "jobs/jobqueue.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace equiscope;

class TestAttributePicker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pickerGroupsMatchCore();
    void pickerPreviewFollowsBinning();
    void launcherTakesPickerChoices();

private:
    QTemporaryDir m_dir;
    Dataset m_dataset;
};

void TestAttributePicker::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    const QString csv = fixtures::writeAttributeCsvFixture(m_dir.filePath(QStringLiteral("faces")));
    // zip holds category codes: read it as categorical, as the wizard test does.
    auto ds = openDataset(
        DatasetSpec{QStringLiteral("folder-csv"),
                    csv,
                    {{QStringLiteral("types"),
                      QVariantMap{{QStringLiteral("zip"), QStringLiteral("categorical")}}}}});
    QVERIFY2(ds.ok(), qPrintable(ds.error().toString()));
    m_dataset = ds.value();
}

void TestAttributePicker::pickerGroupsMatchCore()
{
    const Dataset &ds = m_dataset;
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
    for (int i = 0; i < fixtures::kAttributeCsvRows; ++i)
        ++expected[QStringLiteral("gender=%1 × zip=%2")
                       .arg(fixtures::attributeCsvGender(i), fixtures::attributeCsvZip(i))];
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

void TestAttributePicker::pickerPreviewFollowsBinning()
{
    const Dataset &ds = m_dataset;
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

void TestAttributePicker::launcherTakesPickerChoices()
{
    JobQueue queue;
    FareLauncher launcher(&queue);
    launcher.setDataset(&m_dataset);
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
    FareConfig c = launcher.config();
    QCOMPARE(c.sensitive, QStringList{QStringLiteral("age")});
    QCOMPARE(c.groupBinning, QStringLiteral("quantile"));
    QCOMPARE(c.groupBins, 3);
    QCOMPARE(c.minGroupSize, 10);
    // The evaluation's groups are the picker's groups.
    auto evaluated = assignGroups(m_dataset.attributes, c.groupOptions());
    QCOMPARE(evaluated->groupCount(), picker->groups()->groupCount());

    // And back: a config fills the picker.
    c.groupBinning = QStringLiteral("kmeans");
    c.groupBins = 5;
    c.minGroupSize = 12;
    c.sensitive = {QStringLiteral("gender"), QStringLiteral("zip")};
    c.probeTrainLimit = 321; // the evaluation's limits are in the form too
    c.testLimit = 123;
    c.epochEvaluationSamples = 45;
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

QTEST_MAIN(TestAttributePicker)
#include "tst_attributepicker.moc"
