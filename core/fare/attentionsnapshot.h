#pragma once
// The attention snapshot a FARE run stores every epoch (artifact kind "attention"), in a header
// of its own so that the attention view and reports need not include the session.

#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace equiscope {

/// The FARE attention of the fixed probe batch (sorted by z), for the attention view.
struct AttentionSnapshot
{
    int epoch = 0;
    int size = 0;            ///< probe batch size b
    QVector<float> matrix;   ///< b×b row-major attention probabilities
    QVector<qint64> samples; ///< dataset index of each row
    QVector<int> groups;     ///< group of each row
    QStringList groupLabels;
    QVector<float> groupMatrix; ///< G×G mean attention from group g to group h
    QVector<float> z;           ///< b×dz raw protected attribute values
    int zDim = 0;
    QJsonObject toJson() const;
    static AttentionSnapshot fromJson(const QJsonObject &json);

    /// Does attention single out a row's own group? Over the rows with a group: the mean share
    /// of a row's off-diagonal attention that falls on the other rows of its group, and the
    /// share uniform attention would give ((n_g − 1) / (b − 1), the chance level). Rows
    /// without attention mass (an empty SparseFARE support) are left out; {−1, −1} without
    /// any row to judge.
    struct SameGroupShare
    {
        double attention = -1;
        double uniform = -1;
    };
    SameGroupShare sameGroupShare() const;
};

} // namespace equiscope
