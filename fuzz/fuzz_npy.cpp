// NumPy .npy matrices (loss inputs, feature files).
#include "fuzzsupport.h"

#include "data/npyfile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzz::writeInput("input.npy", fuzz::bytes(data, size));
    fuzz::expectCleanRejection([&] {
        auto m = equiscope::readNpy(path);
        if (!m)
            fuzz::requireMessage(m.error());
    });
    return 0;
}
