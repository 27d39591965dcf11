# Which LibTorch the build uses. By default the system's (Debian's libtorch-dev: 1.13, CPU only);
# -DEQUISCOPE_TORCH_DIR=/path/to/libtorch (the root of an unpacked LibTorch archive, e.g. a CUDA
# build from pytorch.org) or -DTorch_DIR=<libtorch>/share/cmake/Torch picks another (README,
# "GPU"). The configure step says which one it found, with its CUDA and cuDNN.
set(EQUISCOPE_TORCH_DIR "" CACHE PATH
    "Root of a LibTorch to build against (empty: the system's LibTorch)")
if(EQUISCOPE_TORCH_DIR)
    if(NOT EXISTS "${EQUISCOPE_TORCH_DIR}/share/cmake/Torch/TorchConfig.cmake")
        message(FATAL_ERROR "EQUISCOPE_TORCH_DIR=${EQUISCOPE_TORCH_DIR} is not a LibTorch root: "
            "${EQUISCOPE_TORCH_DIR}/share/cmake/Torch/TorchConfig.cmake does not exist")
    endif()
    set(Torch_DIR "${EQUISCOPE_TORCH_DIR}/share/cmake/Torch" CACHE PATH "" FORCE)
endif()

find_package(Torch REQUIRED)

set(_equiscope_torch_gpu "CPU only")
if(CAFFE2_USE_CUDA)
    set(_equiscope_torch_gpu "CUDA ${CUDA_VERSION}${CUDAToolkit_VERSION}")
    if(CAFFE2_USE_CUDNN)
        string(APPEND _equiscope_torch_gpu ", cuDNN ${CUDNN_VERSION}")
    else()
        string(APPEND _equiscope_torch_gpu ", no cuDNN")
    endif()
endif()
message(STATUS "Equiscope: LibTorch ${Torch_VERSION} (${_equiscope_torch_gpu}) from ${Torch_DIR}")
if(Torch_VERSION VERSION_LESS 1.13)
    message(FATAL_ERROR "Equiscope needs LibTorch 1.13 or newer; ${Torch_DIR} has ${Torch_VERSION}")
endif()
