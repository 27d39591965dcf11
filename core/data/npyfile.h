#pragma once

#include "util/expected.h"

#include <QString>

#include <vector>

namespace equiscope {

/// A matrix read from a NumPy .npy file, converted to float32, row-major.
struct NpyMatrix
{
    qint64 rows = 0;
    int cols = 0;
    std::vector<float> values; ///< empty when the data was left in the file (see below)
    QString dtype;             ///< the file's 'descr', e.g. "<f8"
    qint64 dataOffset = 0;     ///< byte offset of the data in the file
};

/// What readNpy does with the data of a valid file.
enum class NpyData
{
    Read,     ///< converted into NpyMatrix::values
    LeaveData ///< the data stays in the file (values empty): map or convert it at dataOffset
};

/// Reads a NumPy .npy file (format version 1, 2 or 3) holding a 1-D (N → N×1) or 2-D (N×D)
/// C-order array of little-endian float32 ('<f4') or float64 ('<f8'). Other dtypes, Fortran
/// order, more dimensions and truncated files give a DataError naming the file, the byte offset,
/// what was expected and what was found.
Expected<NpyMatrix> readNpy(const QString &path, NpyData data = NpyData::Read);

/// Writes @p rows × @p cols float32 values (row-major) as a version 1 .npy file ('<f4',
/// C order) that numpy.load reads. The file is replaced atomically. On failure returns false and
/// sets @p error (if given).
bool writeNpy(const QString &path, const float *data, qint64 rows, int cols,
              QString *error = nullptr);

} // namespace equiscope
