// IDX files of the MNIST family, plain or gzip-compressed.
#include "fuzzsupport.h"

#include "data/idxreader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzz::writeInput("input-idx3-ubyte", fuzz::bytes(data, size));
    fuzz::expectCleanRejection([&] { equiscope::readIdxFile(path); });
    return 0;
}
