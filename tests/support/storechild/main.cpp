// storechild: a training process stand-in for the run store's kill test. Creates a run, marks it
// running and records epochs with checkpoints forever, as fast as it can, until killed.
//   storechild DB_PATH
// Prints the run id, then "epoch N" after each committed epoch. Checkpoints alternate between
// inline (small) and external (large) so a kill can land in either write path.
#include "store/runstore.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>

using namespace equiscope;

/// The deterministic checkpoint bytes of @p epoch; the test rebuilds them to compare.
static QByteArray checkpointBytes(int epoch)
{
    const int size = epoch % 2 == 0 ? 40 * 1024 : 8 * 1024;
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 31 + epoch * 7) & 0xff);
    return bytes;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fputs("usage: storechild DB_PATH\n", stderr);
        return 2;
    }
    RunStoreOptions options;
    options.externalThreshold = 16 * 1024;
    auto store = RunStore::open(args.at(1), options);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
        return 1;
    }
    RunRecord run;
    run.name = QStringLiteral("killed-child");
    run.method = QStringLiteral("fare");
    run.config = QJsonObject{{QStringLiteral("epochs"), 1000000}};
    auto id = store.value()->createRun(run);
    if (!id || !store.value()->markRunning(id.value())) {
        std::fputs("cannot create the run\n", stderr);
        return 1;
    }
    std::printf("%s\n", qPrintable(id.value()));
    std::fflush(stdout);
    for (int epoch = 0;; ++epoch) {
        const QJsonObject metrics{{QStringLiteral("loss"), 1.0 / (epoch + 1)},
                                  {QStringLiteral("epoch"), epoch}};
        auto written = store.value()->recordEpochWithCheckpoint(id.value(), epoch, metrics, 0.001,
                                                                checkpointBytes(epoch));
        if (!written) {
            std::fprintf(stderr, "%s\n", qPrintable(written.error().toString()));
            return 1;
        }
        std::printf("epoch %d\n", epoch);
        std::fflush(stdout);
    }
}
