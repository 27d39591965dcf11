// The GUI's export hooks: the runs table's Export Report / Export Model actions follow the
// selection and write their files off the GUI thread; the audit dialog reads a CSV's columns and
// shows the audit.
#include "runs/auditdialog.h"
#include "runs/exportactions.h"
#include "runs/runspanel.h"

#include "enginefixtures.h"
#include "fare/farejob.h"
#include "fixtures.h"

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;

class TestExportActions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    QString m_run;

private Q_SLOTS:
    void initTestCase()
    {
        Q_INIT_RESOURCE(equiscope);
        qputenv("EQUISCOPE_CACHE_DIR", m_dir.filePath("cache").toUtf8());
        m_store = m_dir.filePath("runs.sqlite");
        FareConfig c = fixtures::tinyColoredRun(m_dir.filePath("data"));
        c.epochs = 1;
        FareJob job(c, m_store);
        job.start();
        job.wait();
        QCOMPARE(job.outcome(), JobOutcome::Finished);
        m_run = job.runId();
    }

    void actionsFollowTheSelection()
    {
        RunsPanel panel;
        QSignalSpy loaded(&panel, &RunsPanel::loaded);
        panel.setStorePath(m_store);
        QVERIFY(loaded.wait(20000));
        ExportActions *actions = panel.exportActions();
        QVERIFY(!actions->exportReportAction()->isEnabled());
        panel.selectRun(m_run);
        QCOMPARE(actions->runIds(), QStringList{m_run});
        QVERIFY(actions->exportReportAction()->isEnabled());
        QVERIFY(actions->exportModelAction()->isEnabled());
        panel.table()->clearSelection();
        QVERIFY(!actions->exportModelAction()->isEnabled());
    }

    void exportsOffTheGuiThread()
    {
        ExportActions actions(nullptr);
        actions.setInteractive(false);
        actions.setStorePath(m_store);
        actions.setRunIds({m_run});
        QSignalSpy finished(&actions, &ExportActions::finished);
        const QString pdf = m_dir.filePath("report.pdf");
        actions.exportReport(pdf);
        // Busy while the worker writes: a second export cannot start.
        QVERIFY(!actions.exportReportAction()->isEnabled());
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");

        actions.exportModel(m_dir.filePath("model"));
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QVERIFY(QFile::exists(m_dir.filePath("model/model.safetensors")));
        QVERIFY(actions.exportReportAction()->isEnabled());
    }

    void auditDialogAuditsACsv()
    {
        QByteArray csv = "id,label,pred,score,sex\n";
        for (int i = 0; i < 80; ++i)
            csv += QByteArray::number(i) + ',' + QByteArray::number(i % 2) + ',' +
                   QByteArray::number((i / 2) % 2) + ",0.5," + (i < 40 ? "F" : "M") + '\n';
        const QString file = m_dir.filePath("preds.csv");
        QVERIFY(fixtures::writeFile(file, csv));
        AuditDialog dialog;
        QVERIFY(dialog.openCsv(file));
        dialog.setColumns("label", "pred", QString(), {"sex"});
        QSignalSpy audited(&dialog, &AuditDialog::audited);
        dialog.runAudit();
        QVERIFY(audited.wait(30000));
        QVERIFY(audited.first().at(0).toBool());
        QVERIFY(dialog.result());
        QCOMPARE(dialog.result()->report.groups.size(), 2);
        QVERIFY(dialog.resultText().contains("sex=F"));
        QVERIFY(dialog.resultText().contains("demographic_parity_difference"));
    }
};

QTEST_MAIN(TestExportActions)
#include "tst_exportactions.moc"
