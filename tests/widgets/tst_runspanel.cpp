// The runs table shows what the store holds, including rows it could only partly read: a run
// whose stored config is not valid JSON is listed with a warning naming the damaged column,
// and the count under the table says how many such runs there are.
#include "runs/runspanel.h"
#include "store/runstore.h"

#include "storefixtures.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;
using namespace equiscope::storefixtures;

class TestRunsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void damagedRowIsShownWithItsProblems()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("runs.sqlite"));
        QString damaged, intact;
        {
            auto store = take(RunStore::open(path));
            RunRecord r;
            r.name = QStringLiteral("intact");
            r.method = QStringLiteral("fare");
            intact = take(store->createRun(r));
            r.id.clear();
            r.name = QStringLiteral("damaged");
            damaged = take(store->createRun(r));
        }
        QVERIFY(execSql(path, {QStringLiteral("UPDATE runs SET config = '{not json' WHERE id = "
                                              "'%1'")
                                   .arg(damaged)}));

        RunsPanel panel;
        panel.resize(1024, 640);
        panel.show();
        QSignalSpy loaded(&panel, &RunsPanel::loaded);
        panel.setStorePath(path);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(panel.table()->rowCount(), 2);
        const int bad = int(panel.runIds().indexOf(damaged));
        const int good = int(panel.runIds().indexOf(intact));
        QVERIFY(bad >= 0 && good >= 0);
        QTableWidgetItem *badName = panel.table()->item(bad, 0);
        QCOMPARE(badName->text(), QStringLiteral("damaged"));
        QVERIFY(!badName->icon().isNull());
        QVERIFY2(badName->toolTip().contains(QStringLiteral("config")) &&
                     badName->toolTip().contains(QStringLiteral("JSON")),
                 qPrintable(badName->toolTip()));
        QCOMPARE(badName->data(Qt::AccessibleDescriptionRole).toString(), badName->toolTip());
        QVERIFY(panel.table()->item(good, 0)->toolTip().isEmpty());
        QVERIFY(panel.table()->item(good, 0)->icon().isNull());
        bool counted = false;
        for (QLabel *label : panel.findChildren<QLabel *>())
            counted = counted || label->text().contains(QStringLiteral("1 with a damaged record"));
        QVERIFY(counted);
    }
};

QTEST_MAIN(TestRunsPanel)
#include "tst_runspanel.moc"
