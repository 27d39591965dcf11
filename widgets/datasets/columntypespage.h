#pragma once

#include "data/foldercsvreader.h"

#include <QFutureWatcher>
#include <QVariantMap>
#include <QWizardPage>

#include <optional>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace equiscope {

/// Wizard page for folder-csv: every attribute column with the type the reader infers and a
/// combo to override it (the reader's "types" option). An override the column's cells cannot
/// satisfy shows the reader's own error inline and blocks Next. The CSV is read off the GUI
/// thread.
class ColumnTypesPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ColumnTypesPage(QWidget *parent = nullptr);
    ~ColumnTypesPage() override;

    /// An attribute type as the interface shows it (translated); the reader's options and the
    /// CLI keep attributeTypeName()'s identifiers.
    static QString typeTitle(AttributeType type);

    void initializePage() override;
    bool isComplete() const override;

    /// Types asked for before the CSV is read (e.g. a recent dataset's spec).
    void setRequestedTypes(const QVariantMap &types) { m_requested = types; }
    /// Overrides the type of @p column (false when there is no such column).
    bool setColumnType(const QString &column, AttributeType type);
    /// The type @p column will be read as.
    std::optional<AttributeType> columnType(const QString &column) const;
    /// {column: type name} for the columns whose type differs from the reader's choice.
    QVariantMap overrides() const;
    /// True once the CSV has been read (successfully or not) for the current path.
    bool isInspected() const { return m_columns.has_value() || !m_readError.isEmpty(); }
    /// The first problem: the CSV's error or an override that does not parse.
    QString problem() const;

    QTreeWidget *columnTable() const { return m_table; }
    QComboBox *typeBox() const { return m_type; }

Q_SIGNALS:
    void inspected();

private:
    void showColumns();
    void selectColumn();
    void updateRow(int row);
    void updateProblem();

    QLabel *m_status = nullptr;
    QTreeWidget *m_table = nullptr;
    QLabel *m_typeLabel = nullptr;
    QComboBox *m_type = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_cliEquivalent = nullptr;
    QFutureWatcher<Expected<FolderCsvColumns>> m_watcher;
    QString m_path;
    std::optional<FolderCsvColumns> m_columns;
    QString m_readError;
    QVector<AttributeType> m_chosen; ///< per column
    QVariantMap m_requested;
};

} // namespace equiscope
