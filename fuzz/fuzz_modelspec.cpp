// The model section of an exported model's config.json (ModelSpec::fromJson), whose sizes
// decide how large a model is built.
#include "fuzzsupport.h"

#include "fare/modelstate.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonObject json = QJsonDocument::fromJson(fuzz::bytes(data, size)).object();
    auto spec = equiscope::ModelSpec::fromJson(json);
    if (!spec) {
        fuzz::requireMessage(spec.error());
        return 0;
    }
    // What it accepts must be within the documented bounds.
    const bool images = spec->encoder != "mlp";
    if ((images && (spec->inputSize > 1024 || spec->inChannels > equiscope::kMaxInputChannels)) ||
        spec->projectionDim > equiscope::kMaxModelWidth ||
        spec->width > equiscope::kMaxModelWidth) {
        std::fprintf(stderr, "fuzz: an unbounded model spec was accepted\n");
        std::abort();
    }
    return 0;
}
