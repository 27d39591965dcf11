// CSV attribute files (folder + CSV datasets, CelebA/FairFace label files): parsing, then type
// inference of every column.
#include "fuzzsupport.h"

#include "data/attributetable.h"
#include "data/csvtable.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::expectCleanRejection([&] {
        const auto table = equiscope::CsvTable::parse(fuzz::bytes(data, size), "fuzz.csv");
        for (int c = 0; c < table.header.size(); ++c) {
            equiscope::TextColumnOptions o;
            o.file = table.file;
            o.lines = table.lines;
            equiscope::attributeFromText(table.header[c], table.column(c), o);
        }
    });
    return 0;
}
