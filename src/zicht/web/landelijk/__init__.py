"""The national picture in the web application (/landelijk/): several regions' published open-data
packages side by side (zicht.national), when `zicht serve --national SRC…` or ZICHT_NATIONAL_SOURCES
names them. Public: it shows published figures only, with disclosure applied again."""
