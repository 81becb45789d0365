//! Writes `ui/src/bindings.ts` from the same builder the app uses (`bash .ci/dev bindings`).

fn main() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings.ts");
    if let Err(err) =
        number_desk_lib::specta_builder().export(number_desk_lib::bindings_exporter(), &path)
    {
        eprintln!("could not write {}: {err}", path.display());
        std::process::exit(1);
    }
    println!("wrote {}", path.display());
}
