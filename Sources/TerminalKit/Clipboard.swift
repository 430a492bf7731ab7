import Foundation

/// OSC 52: the terminal puts text on the system clipboard. It works inside tmux (with `set-clipboard`
/// on or external) and over ssh, where no clipboard program can reach the user's desktop.
public enum Clipboard {
    /// ESC ] 52 ; c ; BASE64 BEL. The text travels base64-encoded, so none of its bytes reach the terminal
    /// raw: a copied value can never be read as a control sequence.
    public static func osc52(_ text: String) -> [UInt8] {
        Array("\u{1B}]52;c;".utf8) + Array(Data(text.utf8).base64EncodedString().utf8) + [0x07]
    }
}
