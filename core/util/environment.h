#pragma once

#include <QJsonObject>
#include <QString>

namespace equiscope {

/// Facts about the running environment, shown in the About box, the CLI and every run record.
struct EnvironmentInfo
{
    QString equiscopeVersion;
    QString qtVersion;
    QString torchVersion;
    QString blasLibrary;          ///< the shared object that provides BLAS (from /proc/self/maps)
    bool blasIsOptimised = false; ///< OpenBLAS/MKL/BLIS rather than the reference BLAS
    int torchThreads = 0;
    bool cudaAvailable = false;
    QString openCvVersion;

    QJsonObject toJson() const;
    QString toText() const;
};

/// Collects the facts; runs one small matrix product so the BLAS library is loaded.
EnvironmentInfo environmentInfo();

/// CUDA devices the LibTorch in use sees (0 for a CPU-only build such as Debian's). Cheap:
/// launchers call it to offer devices.
int cudaDeviceCount();

/// Sets LibTorch's intra-op thread count (0 = all cores, divided among the data-parallel ranks
/// on this machine when LOCAL_WORLD_SIZE says there are several). Debian's LibTorch otherwise
/// starts with a single thread. Returns the count now in effect.
int configureTorchThreads(int threads = 0);

} // namespace equiscope
