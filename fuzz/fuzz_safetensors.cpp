// safetensors weights (model import, evaluate-model).
#include "fuzzsupport.h"

#include "export/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::expectCleanRejection([&] {
        auto content = equiscope::decodeSafetensors(fuzz::bytes(data, size), "fuzz.safetensors");
        if (!content)
            fuzz::requireMessage(content.error());
    });
    return 0;
}
