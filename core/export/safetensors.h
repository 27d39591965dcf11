#pragma once

#include "fare/modelstate.h"
#include "util/expected.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QVector>

namespace equiscope {

/// The content of a .safetensors file: named tensors and the optional string metadata.
struct SafetensorsContent
{
    QVector<NamedTensor> tensors;    ///< in data order
    QMap<QString, QString> metadata; ///< "__metadata__"
};

/// Encodes tensors in the safetensors format: an 8-byte little-endian header length N, an
/// N-byte UTF-8 JSON header {"__metadata__": {...}, name: {"dtype", "shape", "data_offsets"}}
/// padded with spaces to a multiple of 8, then the raw little-endian data. Tensors are laid out
/// as the reference implementation does: by dtype (largest alignment first), then by name, so
/// every tensor is aligned to its element size. Fails on duplicate names or sizes that do not
/// match the shape.
Expected<QByteArray> encodeSafetensors(const QVector<NamedTensor> &tensors,
                                       const QMap<QString, QString> &metadata = {});

/// Parses and validates a safetensors buffer (header bounds, JSON, dtypes, shapes, offsets that
/// tile the data exactly); errors name @p file and the byte offset.
Expected<SafetensorsContent> decodeSafetensors(const QByteArray &bytes, const QString &file = {});

Expected<Done> writeSafetensorsFile(const QString &path, const QVector<NamedTensor> &tensors,
                                    const QMap<QString, QString> &metadata = {});
Expected<SafetensorsContent> readSafetensorsFile(const QString &path);

} // namespace equiscope
