// Feature files of the clustering family: features.bin with its labels, CSV and NPY matrices.
// The first byte picks the form; the rest is the file.
#include "fuzzsupport.h"

#include "data/featurereader.h"

#include <QVariantMap>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray rest = fuzz::bytes(data + 1, size - 1);
    equiscope::DatasetSpec spec;
    spec.format = "features";
    switch (data[0] % 3) {
    case 0: { // features.bin + labels.meta: the first half of the rest, then the second
        const qsizetype half = rest.size() / 2;
        spec.path = fuzz::writeInput("features.bin", rest.left(half));
        fuzz::writeInput("labels.meta", rest.mid(half));
        spec.options.insert("labels", spec.path.left(spec.path.lastIndexOf('/')) + "/labels.meta");
        break;
    }
    case 1:
        spec.path = fuzz::writeInput("matrix.csv", rest);
        break;
    default:
        spec.path = fuzz::writeInput("matrix.npy", rest);
        break;
    }
    fuzz::expectCleanRejection([&] { equiscope::readFeatures(spec, {}); });
    return 0;
}
