// Run stores and bundles (a bundle is a store file): opening, listing, and reading every run's
// epochs, metrics and artifacts — the paths `runs list/show`, the GUI and `replay` take.
#include "fuzzsupport.h"

#include "store/runstore.h"

#include <QFile>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzz::writeInput("runs.sqlite", fuzz::bytes(data, size));
    // A stale WAL or artifact folder of an earlier input must not leak into this one.
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
    fuzz::expectCleanRejection([&] {
        equiscope::RunStoreOptions o;
        o.create = false;
        o.readOnly = true; // what a user's read of a received file does; nothing is rewritten
        auto store = equiscope::RunStore::open(path, o);
        if (!store) {
            fuzz::requireMessage(store.error());
            return;
        }
        auto runs = store.value()->runs();
        if (!runs) {
            fuzz::requireMessage(runs.error());
            return;
        }
        for (const equiscope::RunRecord &r : runs.value()) {
            if (auto e = store.value()->epochs(r.id); !e)
                fuzz::requireMessage(e.error());
            if (auto m = store.value()->metrics(r.id); !m)
                fuzz::requireMessage(m.error());
            auto artifacts = store.value()->artifacts(r.id);
            if (!artifacts) {
                fuzz::requireMessage(artifacts.error());
                continue;
            }
            for (const equiscope::ArtifactRecord &a : artifacts.value())
                if (auto bytes = store.value()->artifact(r.id, a.kind, a.epoch, a.name); !bytes)
                    fuzz::requireMessage(bytes.error());
        }
    });
    return 0;
}
