#pragma once

#include "data/datasetreader.h"

#include <QByteArray>

namespace equiscope {

/// The content of one IDX file: its dimensions and the raw unsigned-byte data.
struct IdxArray
{
    std::vector<int> dims;
    QByteArray data;
    qint64 count() const { return dims.empty() ? 0 : dims.front(); }
};

/// Reads an IDX file, plain or gzip-compressed (by content, not by name). Checks the magic
/// (two zero bytes, type 0x08, dimension count), that the sizes match the file length and, when
/// given, the expected number of dimensions. Throws DataException naming the file and offset.
IdxArray readIdxFile(const QString &path, int expectedDims = -1);

/// Reads gzip or plain bytes of a whole file; a truncated gzip stream is an error.
QByteArray readMaybeGzipped(const QString &path);

/// Opens an MNIST-family IDX dataset (see openDataset() for the path forms).
Dataset readIdxDataset(const DatasetSpec &spec, const ReadContext &context);

/// Class names for MNIST-family datasets: Fashion-MNIST names when the path says so, else digits.
QStringList mnistClassNames(const QString &path);

} // namespace equiscope
