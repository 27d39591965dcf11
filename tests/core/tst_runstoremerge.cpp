// RunStore across files: merging sweep stores into one, and the CSV export of all metrics.
#include "store/runstore.h"

#include "storefixtures.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace equiscope;
using namespace equiscope::storefixtures;

class TestRunStoreMerge : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath()
    {
        return m_dir.filePath(QStringLiteral("s%1/runs.sqlite").arg(++m_counter));
    }

    std::unique_ptr<RunStore> openStore(const QString &path, RunStoreOptions o = {})
    {
        auto s = RunStore::open(path, o);
        if (!s)
            qFatal("open failed: %s", qPrintable(s.error().toString()));
        return std::move(s.value());
    }

private Q_SLOTS:
    void mergeFoldsStoresAndReportsConflicts()
    {
        RunStoreOptions small;
        small.externalThreshold = 1000;
        const QString a = freshPath(), b = freshPath(), into = freshPath();
        QString shared, onlyA, onlyB, clash;
        {
            auto sa = openStore(a, small);
            auto sb = openStore(b);
            RunRecord r = fullRun();
            shared = take(sa->createRun(r));
            r.id = shared;
            QVERIFY(sb->createRun(r));
            for (RunStore *s : {sa.get(), sb.get()}) {
                QVERIFY(
                    s->recordEpochWithCheckpoint(shared, 0, {{"loss", 1}}, 2, pattern(3000, 6)));
                // recordedAt differs between the two writes; make it equal as a copy would be.
                QVERIFY(s->putMetrics(shared, "final",
                                      {MetricRow{"acc", 0.7, 0.6, 0.8, "g1", 10, {}}}));
            }
            onlyA = take(sa->createRun(fullRun()));
            QVERIFY(sa->recordEpochWithCheckpoint(onlyA, 0, {{"loss", 3}}, 1, pattern(5000, 7)));
            ArtifactRecord emb;
            emb.kind = "embeddings";
            QVERIFY(sa->putArtifact(onlyA, emb, pattern(50, 8)));
            onlyB = take(sb->createRun(fullRun()));
            RunRecord c = fullRun();
            c.id = QStringLiteral("clash-id");
            QVERIFY(sa->createRun(c));
            c.name = QStringLiteral("different");
            QVERIFY(sb->createRun(c));
            clash = c.id;
        }
        // The shared run's epochs were recorded at different instants: align them so it is the
        // same content in both files, as when one store was copied from the other.
        QVERIFY(execSql(
            b, {QStringLiteral("UPDATE epochs SET recorded_at='2024-01-01T00:00:00.000Z'"),
                QStringLiteral("UPDATE runs SET heartbeat_at='2024-01-01T00:00:00.000Z'"),
                QStringLiteral("UPDATE artifacts SET created_at='2024-01-01T00:00:00.000Z'")}));
        QVERIFY(execSql(
            a, {QStringLiteral("UPDATE epochs SET recorded_at='2024-01-01T00:00:00.000Z'"),
                QStringLiteral("UPDATE runs SET heartbeat_at='2024-01-01T00:00:00.000Z'"),
                QStringLiteral("UPDATE artifacts SET created_at='2024-01-01T00:00:00.000Z'")}));
        MergeReport report = take(RunStore::mergeStores({a, b}, into));
        QStringList copied = report.copied;
        copied.sort();
        QStringList expected{shared, onlyA, onlyB, clash};
        expected.sort();
        QCOMPARE(copied, expected);
        QCOMPARE(report.skipped, QStringList{shared});
        QCOMPARE(report.conflicts.size(), 1);
        QCOMPARE(report.conflicts[0].runId, clash);
        QCOMPARE(report.conflicts[0].source, QFileInfo(b).absoluteFilePath());

        auto merged = openStore(into);
        QCOMPARE(take(merged->runs()).size(), 4);
        QCOMPARE(take(merged->run(clash)).name, fullRun().name); // first one wins, not overwritten
        QCOMPARE(take(merged->artifact(onlyA, "checkpoint", 0)).bytes, pattern(5000, 7));
        QCOMPARE(take(merged->artifact(onlyA, "embeddings")).bytes, pattern(50, 8));
        QCOMPARE(take(merged->metrics(shared))[0].groupSize, std::optional<qint64>(10));
        QCOMPARE(take(merged->epochs(onlyA)).size(), 1);
        merged.reset();

        // Merging again changes nothing and copies nothing.
        report = take(RunStore::mergeStores({a, b}, into));
        QVERIFY(report.copied.isEmpty());
        QCOMPARE(report.skipped.size(), 5); // the shared run, once per source
        QCOMPARE(report.conflicts.size(), 1);
        QVERIFY(!RunStore::mergeStores({into}, into));
        QVERIFY(!RunStore::mergeStores({m_dir.filePath("absent.sqlite")}, into));
    }

    void exportsMetricsCsv()
    {
        auto store = openStore(freshPath());
        RunRecord r;
        r.name = QStringLiteral("run, \"one\"");
        r.method = QStringLiteral("fare");
        r.createdAt = utc(1, 0, 0, 0);
        const QString id = take(store->createRun(r));
        QVERIFY(store->putMetrics(id, "final",
                                  {MetricRow{"acc", 0.25, 0.125, 0.5, {}, {}, {}},
                                   MetricRow{"acc", 0.75, {}, {}, "Male=1", 12, {}}}));
        // Numbers of the per-epoch records are exported too (text values are not metrics).
        QVERIFY(store->recordEpoch(id, 1, {{"loss", 0.5}, {"phase", "warm-up"}}, 1.0));
        QVERIFY(store->finishRun(id, RunStatus::Finished));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(store->exportMetricsCsv(&buffer));
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.size(), 5);
        QCOMPARE(
            lines[0],
            QByteArray(
                "run_id,run_name,method,status,scope,metric,group,group_size,value,ci_lo,ci_hi"));
        QCOMPARE(lines[1],
                 (id + ",\"run, \"\"one\"\"\",fare,finished,final,acc,,,0.25,0.125,0.5").toUtf8());
        QCOMPARE(lines[2],
                 (id + ",\"run, \"\"one\"\"\",fare,finished,final,acc,Male=1,12,0.75,,").toUtf8());
        QCOMPARE(lines[3],
                 (id + ",\"run, \"\"one\"\"\",fare,finished,epoch:1,loss,,,0.5,,").toUtf8());
        QCOMPARE(lines[4], QByteArray());
        QBuffer closed;
        QVERIFY(!store->exportMetricsCsv(&closed));
    }
};

QTEST_GUILESS_MAIN(TestRunStoreMerge)
#include "tst_runstoremerge.moc"
