#pragma once
// Precompiled header of equiscope_core (private): the LibTorch umbrella header is the slowest
// thing to parse in the project, so it is compiled once for the whole library.
#include <torch/torch.h>
