#pragma once

#include <QString>

namespace fixtures {

/// Rows of the attribute CSV fixture.
constexpr int kAttributeCsvRows = 80;

// Its attributes as functions of the row, so tests can count independently of the code tested.
QString attributeCsvLabel(int row);  ///< "shirt" / "shoe", alternating
QString attributeCsvGender(int row); ///< "F" for rows 0–49, "M" after
QString attributeCsvZip(int row);    ///< "10" (70 rows), "20" (7), "30" (3)

/// Writes images/img_NN.png (16×16) and attributes.csv under @p root, with the columns label
/// (binary), gender (binary), zip (numeric codes the reader infers as continuous; they are
/// categories), age (continuous, = row), skin (RGB vector "3r;255−3r;100") and site (a single
/// level). @p missingImage leaves out img_05.png. Returns the CSV path.
QString writeAttributeCsvFixture(const QString &root, bool missingImage = false);

} // namespace fixtures
