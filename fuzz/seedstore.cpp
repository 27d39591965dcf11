// Writes the seed of fuzz_store: a real run store with one finished run, two epochs, final
// metrics with a group and an interval, and an inline artifact.
#include "store/runstore.h"

#include <QJsonObject>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seedstore OUT.sqlite\n");
        return 2;
    }
    using namespace equiscope;
    RunStoreOptions o;
    o.externalThreshold = qint64(1) << 30; // everything inline: the seed is one file
    auto store = RunStore::open(QString::fromLocal8Bit(argv[1]), o);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
        return 1;
    }
    RunRecord r;
    r.name = QStringLiteral("seed");
    r.method = QStringLiteral("fare");
    r.config = QJsonObject{{QStringLiteral("epochs"), 2}};
    auto id = store.value()->createRun(r);
    bool ok = id.ok();
    for (int epoch = 1; ok && epoch <= 2; ++epoch)
        ok = store.value()
                 ->recordEpochWithCheckpoint(id.value(), epoch,
                                             {{QStringLiteral("loss"), 1.0 / epoch}}, 0.5,
                                             QByteArray(64, char(epoch)))
                 .ok();
    if (ok) {
        MetricRow m;
        m.name = QStringLiteral("accuracy");
        m.value = 0.8;
        m.ciLow = 0.75;
        m.ciHigh = 0.85;
        m.group = QStringLiteral("rgb=cluster 0");
        m.groupSize = 40;
        ok = store.value()->putMetrics(id.value(), QStringLiteral("final"), {m}).ok() &&
             store.value()->finishRun(id.value(), RunStatus::Finished, QStringLiteral("done")).ok();
    }
    if (!ok) {
        std::fprintf(stderr, "cannot write the seed store\n");
        return 1;
    }
    return 0;
}
